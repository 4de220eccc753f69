"""The release number, kept in one place.

The wheel's metadata (pyproject.toml reads it), `yichuang --version`, every face's About
dialog, the log's first line, crash files, the installers' file names and the
`X-Yichuang-Version` header each terminal sends to its server all come from here.
"""

VERSION = "0.2.0"
