"""SomeCheck: checks social-media posts against an organization's guidelines, locally."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("somecheck")      # one source: pyproject.toml
except PackageNotFoundError:                # running from a source tree that was never installed
    __version__ = "0+unknown"
