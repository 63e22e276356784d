"""Build the application for the platform this runs on.

    pip install ".[packaging]"
    python packaging/build.py [--archive] [--clean]

Linux:   dist/crm-desktop/ (run ./crm-desktop; ./install-desktop-entry.sh adds it to the
         menu), with --archive also dist/crm-desktop-VERSION-linux-ARCH.tar.gz
Windows: dist/crm-desktop/ (crm-desktop.exe, crm-desktop-cli.exe for the terminal) and,
         when Inno Setup 6 is installed, dist/crm-desktop-VERSION-windows-x64-setup.exe;
         with --archive also a portable .zip (it contains the portable.txt marker)
macOS:   "dist/CRM Desktop.app", with --archive also a .zip of it

Version and application id come from pyproject.toml and crm_desktop/__init__.py
(see packaging/project.py); nothing here repeats them.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path

import project  # packaging/project.py (a script's folder is first on sys.path)

SPEC = project.PACKAGING / "crm-desktop.spec"
ISS = project.PACKAGING / "windows" / "crm-desktop.iss"


def run_pyinstaller(dist: Path, work: Path, clean: bool) -> None:
    cmd = [
        sys.executable,
        "-m",
        "PyInstaller",
        "--noconfirm",
        "--log-level",
        "WARN",
        "--distpath",
        str(dist),
        "--workpath",
        str(work),
        str(SPEC),
    ]
    if clean:
        cmd.insert(3, "--clean")
    subprocess.run(cmd, check=True, cwd=project.ROOT)


def add_linux_integration(p: project.Project, bundle: Path) -> None:
    """The freedesktop files, laid out as under /usr/share, plus a per-user installer."""
    share = bundle / "share"
    (share / "applications").mkdir(parents=True, exist_ok=True)
    (share / "metainfo").mkdir(parents=True, exist_ok=True)
    shutil.copy2(project.LINUX_DIR / f"{p.app_id}.desktop", share / "applications")
    shutil.copy2(project.LINUX_DIR / f"{p.app_id}.metainfo.xml", share / "metainfo")
    for png in sorted(project.ICONS.glob("icon-*.png")):
        size = png.stem.split("-")[1]
        target = share / "icons" / "hicolor" / f"{size}x{size}" / "apps"
        target.mkdir(parents=True, exist_ok=True)
        shutil.copy2(png, target / f"{p.app_id}.png")
    shutil.copy2(project.LINUX_DIR / "install-desktop-entry.sh", bundle)


def find_iscc() -> str | None:
    found = shutil.which("iscc") or shutil.which("ISCC")
    if found:
        return found
    for base in (
        os.environ.get("ProgramFiles(x86)"),
        os.environ.get("ProgramFiles"),
        os.environ.get("LOCALAPPDATA") and str(Path(os.environ["LOCALAPPDATA"]) / "Programs"),
    ):
        if base and (Path(base) / "Inno Setup 6" / "ISCC.exe").exists():
            return str(Path(base) / "Inno Setup 6" / "ISCC.exe")
    return None


def inno_defines(p: project.Project, bundle: Path, dist: Path) -> dict[str, str]:
    """Everything crm-desktop.iss takes from outside (its /D command-line defines)."""
    return {
        "AppName": p.display_name,
        "AppVersion": p.version,
        "AppNumericVersion": ".".join(map(str, p.version_tuple)),
        "AppPublisher": p.organization,
        "AppExeName": p.name,
        "AppUserModelId": p.app_id,
        "SourceDir": str(bundle),
        "OutputDir": str(dist),
        "IconFile": str(project.ICONS / "icon.ico"),
    }


def build_windows_installer(p: project.Project, bundle: Path, dist: Path) -> Path | None:
    iscc = find_iscc()
    if iscc is None:
        print("Inno Setup 6 (ISCC.exe) not found: installer skipped, the folder is ready.")
        return None
    defines = inno_defines(p, bundle, dist)
    subprocess.run([iscc, "/Q", *(f"/D{k}={v}" for k, v in defines.items()), str(ISS)], check=True)
    return dist / f"{p.name}-{p.version}-windows-x64-setup.exe"


def archive(p: project.Project, bundle: Path, dist: Path) -> Path:
    arch = platform.machine().lower().replace("amd64", "x86_64")
    if sys.platform.startswith("linux"):
        target = dist / f"{p.name}-{p.version}-linux-{arch}.tar.gz"
        with tarfile.open(target, "w:gz", compresslevel=6) as tar:
            tar.add(bundle, arcname=f"{p.name}-{p.version}")
        return target
    if sys.platform == "win32":
        # The zip is the USB-stick edition: the marker keeps the data beside the program.
        marker = bundle / p.portable_marker
        marker.write_text(
            "Data is kept in the crm-data folder next to this file.\n", encoding="utf-8"
        )
        try:
            base = dist / f"{p.name}-{p.version}-windows-x64-portable"
            return Path(shutil.make_archive(str(base), "zip", bundle.parent, bundle.name))
        finally:
            marker.unlink()
    # ditto keeps the symlinks and extended attributes that the .app's signature covers;
    # a plain zip would copy every linked framework file and break the bundle.
    target = dist / f"{p.name}-{p.version}-macos-{arch}.zip"
    subprocess.run(["ditto", "-c", "-k", "--keepParent", str(bundle), str(target)], check=True)
    return target


def tree_size(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file() and not f.is_symlink())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--dist", type=Path, default=project.ROOT / "dist", help="output folder (default: dist/)"
    )
    parser.add_argument(
        "--work",
        type=Path,
        default=project.ROOT / "build" / "pyinstaller",
        help="PyInstaller's work folder (default: build/pyinstaller/)",
    )
    parser.add_argument("--clean", action="store_true", help="empty PyInstaller's caches first")
    parser.add_argument(
        "--archive",
        action="store_true",
        help="also pack the result (.tar.gz on Linux, .zip elsewhere)",
    )
    args = parser.parse_args(argv)

    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        print('PyInstaller is not installed: pip install ".[packaging]"', file=sys.stderr)
        return 2
    p = project.load()
    dist, work = args.dist.resolve(), args.work.resolve()
    print(f"Building {p.display_name} {p.version} ({p.app_id}) for {sys.platform}")
    run_pyinstaller(dist, work, args.clean)

    bundle = dist / p.name
    products = []
    if sys.platform.startswith("linux"):
        add_linux_integration(p, bundle)
    elif sys.platform == "win32":
        installer = build_windows_installer(p, bundle, dist)
        if installer:
            products.append(installer)
    elif sys.platform == "darwin":
        bundle = dist / f"{p.display_name}.app"
    if args.archive:
        products.append(archive(p, bundle, dist))

    print(f"Bundle: {bundle} ({tree_size(bundle) / 1e6:.0f} MB unpacked)")
    for product in products:
        print(f"Built:  {product} ({product.stat().st_size / 1e6:.0f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
