"""Unit tests of the correction stage, one module per part."""
