; Inno Setup 6 script: installs the app for the current user, no administrator rights.
; Build the exe first (README, "Building the Windows exe"), then, from the repository root:
;     iscc packaging\installer.iss
; Result: dist\GBS-Support-Collector-Setup-<version>.exe. The version comes from the exe's own
; version resource (collector.__version__), so there is nothing to keep in step by hand.
;     iscc /DOneDir packaging\installer.iss      installs the folder build instead
; (pyinstaller collector.spec -- --onedir): it starts several times faster than the one-file exe,
; which unpacks itself on every start. Another dist folder: /DDistDir=C:\path\to\dist

#define ExeName "GBS-Support-Collector.exe"
#define ShortcutName "Обращение в поддержку GBS.Market"
#ifndef DistDir
  #define DistDir AddBackslash(SourcePath) + "..\dist"
#endif
#ifdef OneDir
  #define ExeDir DistDir + "\GBS-Support-Collector"
#else
  #define ExeDir DistDir
#endif
#if !FileExists(ExeDir + "\" + ExeName)
  #error Нет GBS-Support-Collector.exe в dist: сначала соберите его (pyinstaller collector.spec)
#endif
#define AppVersion GetStringFileInfo(ExeDir + "\" + ExeName, "ProductVersion")

[Setup]
AppId={{26964094-00DD-403C-ACCC-797E36B3DC12}
AppName=GBS Support Collector
AppVersion={#AppVersion}
AppVerName=GBS Support Collector {#AppVersion}
AppPublisher=GBS.Market support
VersionInfoVersion={#GetVersionNumbersString(ExeDir + "\" + ExeName)}
; Per-user: Program Files needs an administrator, the user's own Programs folder does not.
PrivilegesRequired=lowest
DefaultDirName={userpf}\GBS Support Collector
DisableProgramGroupPage=yes
DisableDirPage=auto
OutputDir={#DistDir}
OutputBaseFilename=GBS-Support-Collector-Setup-{#AppVersion}
SetupIconFile=icon.ico
UninstallDisplayIcon={app}\{#ExeName}
UninstallDisplayName={#ShortcutName}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ShowLanguageDialog=auto
; The exe can run while a new version is installed over it: ask to close it.
CloseApplications=yes

[Languages]
Name: "russian"; MessagesFile: "compiler:Languages\Russian.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
russian.ShortcutComment=Собрать всё, что нужно поддержке GBS.Market, и отправить обращение
english.ShortcutComment=Collect what GBS.Market support needs and send a request

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[Files]
; With the exe: collector_settings.json (upload endpoint, update URL of this deployment), read from
; beside the exe.
#ifdef OneDir
Source: "{#ExeDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs
#else
Source: "{#ExeDir}\{#ExeName}"; DestDir: "{app}"; Flags: ignoreversion
Source: "{#ExeDir}\collector_settings.json"; DestDir: "{app}"; Flags: ignoreversion
#endif

[InstallDelete]
; Switching between the folder and the one-file build leaves nothing stale behind.
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{autoprograms}\{#ShortcutName}"; Filename: "{app}\{#ExeName}"; WorkingDir: "{app}"; Comment: "{cm:ShortcutComment}"
Name: "{autodesktop}\{#ShortcutName}"; Filename: "{app}\{#ExeName}"; WorkingDir: "{app}"; Comment: "{cm:ShortcutComment}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#ExeName}"; Description: "{cm:LaunchProgram,{#ShortcutName}}"; Flags: nowait postinstall skipifsilent
