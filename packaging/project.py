"""The project's identity as every packaging file needs it, read from its one source.

The version lives in pyproject.toml; the application id, names and organisation live in
crm_desktop/__init__.py. Both are parsed, not imported, so the spec and build script work
without the package installed and never see a stale installed version.
"""

from __future__ import annotations

import ast
import tomllib
import uuid
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"
ICONS = ROOT / "resources" / "icons" / "app"
LINUX_DIR = PACKAGING / "linux"

# Qt modules the application never imports. The bundle leaves them out, and with them
# their plugins, QML files and translations (WebEngine alone would add 200 MB).
QT_UNUSED = (
    "Qt3DAnimation", "Qt3DCore", "Qt3DExtras", "Qt3DInput", "Qt3DLogic", "Qt3DRender",
    "QtAxContainer", "QtBluetooth", "QtCanvasPainter", "QtConcurrent", "QtDBus",
    "QtDataVisualization", "QtDesigner", "QtGraphs", "QtGraphsWidgets", "QtHelp",
    "QtHttpServer", "QtLocation", "QtMultimedia", "QtMultimediaWidgets", "QtNetworkAuth",
    "QtNfc", "QtOpenGL", "QtOpenGLWidgets", "QtPositioning", "QtQml", "QtQuick", "QtQuick3D",
    "QtQuickControls2", "QtQuickTest", "QtQuickWidgets", "QtRemoteObjects", "QtScxml",
    "QtSensors", "QtSerialBus", "QtSerialPort", "QtSpatialAudio", "QtSql", "QtStateMachine",
    "QtTest", "QtTextToSpeech", "QtUiTools", "QtWebChannel", "QtWebEngineCore",
    "QtWebEngineQuick", "QtWebEngineWidgets", "QtWebSockets", "QtWebView", "QtXml",
)  # fmt: skip

# Other modules left out of the bundle: tools of the development environment, and optional
# parts of the application's libraries that it does not call.
NOT_BUNDLED = (
    "PyQt5", "PyQt6", "PySide2", "tkinter", "_tkinter", "readline", "numpy", "matplotlib",
    "IPython", "pytest", "_pytest", "hypothesis", "pytestqt", "importlinter", "pydoc_data",
    # Mako (Alembic's templates) highlights its error pages with Pygments when present.
    "pygments",
    # ReportLab needs only PIL.Image. Pillow's optional C parts (AVIF, WebP, colour
    # management, its own font renderer, Tk) bring 9 MB of codecs and libraries; the
    # Python modules fail only when such a feature is actually used.
    "PIL._avif", "PIL.AvifImagePlugin", "PIL._webp", "PIL._imagingcms", "PIL._imagingft",
    "PIL._imagingtk", "PIL.ImageTk",
    # Phone numbers are parsed and formatted; the place-name and carrier tables (25 MB on
    # disk, 5 MB compressed) are not used.
    "phonenumbers.geocoder", "phonenumbers.geodata", "phonenumbers.carrier",
    "phonenumbers.carrierdata",
)  # fmt: skip


@dataclass(frozen=True)
class Project:
    name: str  # distribution and executable name: crm-desktop
    display_name: str  # what people see: CRM Desktop
    app_id: str  # reverse DNS, also the .desktop file name and the macOS bundle id
    organization: str
    version: str
    summary: str
    portable_marker: str  # the file next to the executable that turns on portable mode

    @property
    def version_tuple(self) -> tuple[int, int, int, int]:
        """Four numbers for the Windows version resource (pre-release tags dropped)."""
        numbers = []
        for part in self.version.split(".")[:4]:
            digits = "".join(ch for ch in part if ch.isdigit()) or "0"
            numbers.append(int(digits))
        return tuple((numbers + [0, 0, 0, 0])[:4])  # type: ignore[return-value]

    @property
    def windows_app_guid(self) -> str:
        """The Inno Setup AppId: derived from the app id so it never changes by accident."""
        return str(uuid.uuid5(uuid.NAMESPACE_DNS, self.app_id)).upper()

    @property
    def dist_info_name(self) -> str:
        return f"{self.name.replace('-', '_')}-{self.version}.dist-info"


def _module_constants(path: Path) -> dict[str, object]:
    constants: dict[str, object] = {}
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1:
            target = node.targets[0]
            if isinstance(target, ast.Name) and isinstance(node.value, ast.Constant):
                constants[target.id] = node.value.value
    return constants


def load(root: Path = ROOT) -> Project:
    pyproject = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    package = _module_constants(root / "crm_desktop" / "__init__.py")
    config = _module_constants(root / "crm_desktop" / "config.py")
    return Project(
        name=str(pyproject["name"]),
        display_name=str(package["APP_DISPLAY_NAME"]),
        app_id=str(package["APP_ID"]),
        organization=str(package["ORGANIZATION"]),
        version=str(pyproject["version"]),
        summary=str(pyproject["description"]),
        portable_marker=str(config["PORTABLE_MARKER"]),
    )


def write_dist_info(project: Project, target_dir: Path) -> Path:
    """Minimal installed-package metadata, so importlib.metadata finds the version frozen."""
    dist_info = target_dir / project.dist_info_name
    dist_info.mkdir(parents=True, exist_ok=True)
    (dist_info / "METADATA").write_text(
        f"Metadata-Version: 2.1\nName: {project.name}\nVersion: {project.version}\n"
        f"Summary: {project.summary}\n",
        encoding="utf-8",
    )
    return dist_info
