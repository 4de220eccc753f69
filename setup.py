"""The build hook: the wheel carries the compiled translations (.qm).

Everything else about the package is in pyproject.toml. The .qm files are generated,
not committed; without this hook a wheel built from a clean clone would show the English
UI in Chinese. The compiler (scripts/qm.py) is pure Python, so the build needs no Qt.
"""

import importlib.util
import pathlib

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = pathlib.Path(__file__).resolve().parent
TRANSLATIONS = pathlib.Path("resources", "translations")


def _qm_compiler():
    spec = importlib.util.spec_from_file_location("yichuang_qm", HERE / "scripts" / "qm.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class BuildPyWithTranslations(build_py):
    """build_py, then every resources/translations/*.ts compiled beside the package data."""

    def run(self) -> None:
        super().run()
        qm = _qm_compiler()
        # an editable install reads the source tree: the .qm go there
        target = HERE / TRANSLATIONS if getattr(self, "editable_mode", False) else (
            pathlib.Path(self.build_lib) / TRANSLATIONS)
        target.mkdir(parents=True, exist_ok=True)
        for ts in sorted((HERE / TRANSLATIONS).glob("*.ts")):
            out = qm.compile_ts(ts, target / ts.with_suffix(".qm").name)
            self.announce(f"compiled {ts.name} -> {out}", level=2)


setup(cmdclass={"build_py": BuildPyWithTranslations})
