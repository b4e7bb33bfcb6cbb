"""The rule packs that ship with SomeCheck (YAML only; this file makes the folder installable)."""
