; Inno Setup 6.3+ script: a per-user installer that needs no administrator rights.
;
; Run `python packaging/build.py` on Windows: it builds the PyInstaller folder and then
; compiles this script, passing the version, ids and paths from pyproject.toml and
; crm_desktop/__init__.py (nothing here repeats them). By hand:
;   iscc /DAppName=... /DAppVersion=X.Y.Z /DAppNumericVersion=X.Y.Z.0 /DAppPublisher=... ^
;        /DAppExeName=... /DAppUserModelId=<reverse-DNS app id> /DSourceDir=<bundle> ^
;        /DOutputDir=<folder> /DIconFile=<.ico> packaging\windows\crm-desktop.iss
; (packaging/build.py's inno_defines() lists the values it passes.)

#ifndef AppVersion
  #error Build with "python packaging/build.py": it passes the version, ids and paths.
#endif

[Setup]
; The AppId identifies the installation for upgrades and the uninstaller: it must never
; change. It is uuid5(DNS, application id) (packaging/project.py); a test checks it.
AppId={{0CE8D409-3AD3-53F5-B164-CF0C24F1A2E6}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppPublisher}
AppPublisherURL=https://github.com/crmdesktop/crm-desktop
AppSupportURL=https://github.com/crmdesktop/crm-desktop/issues
VersionInfoVersion={#AppNumericVersion}
VersionInfoProductVersion={#AppVersion}
; Per user, no UAC prompt: {autopf} is %LOCALAPPDATA%\Programs in this mode.
PrivilegesRequired=lowest
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
DisableDirPage=auto
UsePreviousAppDir=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
; Windows 10 1809, the oldest Qt 6 supports
MinVersion=10.0.17763
SetupIconFile={#IconFile}
UninstallDisplayIcon={app}\{#AppExeName}.exe
UninstallDisplayName={#AppName}
OutputDir={#OutputDir}
OutputBaseFilename={#AppExeName}-{#AppVersion}-windows-x64-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
; An upgrade replaces the program while it is not running; the database lives elsewhere.
CloseApplications=yes
RestartApplications=no

[Languages]
Name: "en"; MessagesFile: "compiler:Default.isl"
Name: "ru"; MessagesFile: "compiler:Languages\Russian.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; The previous version's libraries go before the new ones are copied (names change
; between Qt and Python releases); user data is never inside {app}.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExeName}.exe"; AppUserModelID: "{#AppUserModelId}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExeName}.exe"; AppUserModelID: "{#AppUserModelId}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExeName}.exe"; Description: "{cm:LaunchProgram,{#StringChange(AppName, '&', '&&')}}"; Flags: nowait postinstall skipifsilent
