"""whodid: news stories to political event data."""
__version__ = "0.1.0"
