"""SomeCheck: checks social-media posts against an organization's guidelines, locally."""

__version__ = "0.1.0"
