; 一窗 Yichuang — Windows installer (NSIS 3, Unicode).
;
; Packs dist\yichuang\ as laid out by scripts\build_windows.py (an embeddable CPython in
; python\, the app and its dependencies in lib\) and installs it for all users under
; Program Files. Kept as a template in the spirit of Picard's installer: every value comes
; from a !define, so the build (or a hall's IT staff) passes them on the command line:
;   makensis /DVERSION=0.2.0 /DDIST=dist\yichuang /DOUTDIR=dist /DFACES_NSH=build\windows\faces.nsh installer.nsi
;
; What it promises (tested by tests/release/test_windows_installer.py under wine):
; - all-users install, Start-menu shortcuts for all users, one per face in the build;
; - the kiosk's autostart only when chosen (a component, off by default);
; - the first start runs as the logged-in user, never elevated (through explorer.exe);
; - an upgrade keeps data and settings (they live in each user's profile) and refuses to
;   run while Yichuang runs;
; - the uninstaller leaves the data folder unless asked (/REMOVEDATA, or its checkbox).

; a 64-bit installer for a 64-bit app (and it runs under a 64-bit-only wine)
Target amd64-unicode
SetCompressor /SOLID lzma
ManifestDPIAware true

!ifndef VERSION
  !error "VERSION is not defined: build with scripts\build_windows.py (it reads domain\version.py)"
!endif
!ifndef DIST
  !define DIST "dist\yichuang"
!endif
!ifndef OUTDIR
  !define OUTDIR "dist"
!endif
!ifndef FACES_NSH
  !define FACES_NSH "build\windows\faces.nsh"
!endif
!define APPNAME "Yichuang"
!define APPNAME_ZH "一窗"
!define PUBLISHER "Yichuang contributors"
!define REGKEY "Software\${APPNAME}"
!define UNINST_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${APPNAME}"
!define RUN_KEY "Software\Microsoft\Windows\CurrentVersion\Run"
!define PYTHONW "$INSTDIR\python\pythonw.exe"

!include "MUI2.nsh"
!include "LogicLib.nsh"
!include "FileFunc.nsh"
!include "x64.nsh"
!include "Sections.nsh"

Name "${APPNAME_ZH} ${APPNAME} ${VERSION}"
OutFile "${OUTDIR}\yichuang-${VERSION}-setup.exe"
InstallDir "$PROGRAMFILES64\${APPNAME}"
InstallDirRegKey HKLM "${REGKEY}" "InstallDir"
RequestExecutionLevel admin
ShowInstDetails show
BrandingText "${APPNAME_ZH} ${VERSION}"
VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=0 "ProductName" "${APPNAME}"
VIAddVersionKey /LANG=0 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "FileDescription" "${APPNAME_ZH} ${APPNAME} installer"
VIAddVersionKey /LANG=0 "LegalCopyright" "GPL-3.0-or-later"

!define MUI_ICON "${DIST}\yichuang.ico"
!define MUI_UNICON "${DIST}\yichuang.ico"
!define MUI_ABORTWARNING
!define MUI_COMPONENTSPAGE_NODESC
!insertmacro MUI_PAGE_LICENSE "${DIST}\LICENSE.txt"
!insertmacro MUI_PAGE_COMPONENTS
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!define MUI_FINISHPAGE_RUN
!define MUI_FINISHPAGE_RUN_TEXT "启动一窗（首次使用时设置本机） / Start Yichuang"
!define MUI_FINISHPAGE_RUN_FUNCTION RunAsUser
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_COMPONENTS
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "SimpChinese"
!insertmacro MUI_LANGUAGE "English"

; A running Yichuang holds python\python3*.dll open: renaming it fails. No plugin needed.
!macro RefuseWhileRunning
  ${If} ${FileExists} "$INSTDIR\python\*.dll"
    FindFirst $0 $1 "$INSTDIR\python\python3*.dll"
    ${DoWhile} $1 != ""
      ${If} $1 != "python3.dll"
        ClearErrors
        Rename "$INSTDIR\python\$1" "$INSTDIR\python\$1.check"
        ${If} ${Errors}
          FindClose $0
          MessageBox MB_ICONSTOP|MB_OK "一窗正在运行，请先关闭所有一窗窗口再继续。$\r$\nYichuang is running: close it first." /SD IDOK
          Abort
        ${EndIf}
        Rename "$INSTDIR\python\$1.check" "$INSTDIR\python\$1"
      ${EndIf}
      FindNext $0 $1
    ${Loop}
    FindClose $0
  ${EndIf}
!macroend


; The finish page runs as the installing administrator; explorer.exe starts the shortcut
; as the logged-in user instead, so a new terminal's data lands in that user's profile.
Function RunAsUser
  Exec '"$WINDIR\explorer.exe" "$SMPROGRAMS\${APPNAME_ZH}\${APPNAME_ZH}.lnk"'
FunctionEnd

Section "一窗 Yichuang ${VERSION}" SecMain
  SectionIn RO
  !insertmacro RefuseWhileRunning
  ; an upgrade replaces the program, never the data (each user's %LOCALAPPDATA%\yichuang)
  RMDir /r "$INSTDIR\lib"
  RMDir /r "$INSTDIR\python"
  SetOutPath "$INSTDIR"
  File /r "${DIST}\*.*"
  WriteRegStr HKLM "${REGKEY}" "InstallDir" "$INSTDIR"
  WriteRegStr HKLM "${REGKEY}" "Version" "${VERSION}"
  WriteUninstaller "$INSTDIR\uninstall.exe"
  WriteRegStr HKLM "${UNINST_KEY}" "DisplayName" "${APPNAME_ZH} ${APPNAME}"
  WriteRegStr HKLM "${UNINST_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKLM "${UNINST_KEY}" "DisplayIcon" "$INSTDIR\yichuang.ico"
  WriteRegStr HKLM "${UNINST_KEY}" "Publisher" "${PUBLISHER}"
  WriteRegStr HKLM "${UNINST_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKLM "${UNINST_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKLM "${UNINST_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKLM "${UNINST_KEY}" "NoModify" 1
  WriteRegDWORD HKLM "${UNINST_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  WriteRegDWORD HKLM "${UNINST_KEY}" "EstimatedSize" $0

  RMDir /r "$SMPROGRAMS\${APPNAME_ZH}"
  CreateDirectory "$SMPROGRAMS\${APPNAME_ZH}"
  CreateShortcut "$SMPROGRAMS\${APPNAME_ZH}\${APPNAME_ZH}.lnk" "${PYTHONW}" "-I -m desktop.cli start" "$INSTDIR\yichuang.ico"
  CreateShortcut "$SMPROGRAMS\${APPNAME_ZH}\${APPNAME_ZH} 设置.lnk" "${PYTHONW}" "-I -m desktop.cli setup" "$INSTDIR\yichuang.ico"
  !include "${FACES_NSH}"
  CreateShortcut "$SMPROGRAMS\${APPNAME_ZH}\卸载.lnk" "$INSTDIR\uninstall.exe"
SectionEnd

Section /o "桌面快捷方式 / Desktop shortcut" SecDesktop
  CreateShortcut "$DESKTOP\${APPNAME_ZH}.lnk" "${PYTHONW}" "-I -m desktop.cli start" "$INSTDIR\yichuang.ico"
SectionEnd

; Only a kiosk PC comes back as a kiosk after a restart; a counter PC never does.
Section /o "自助登记机开机自动启动 / Start the kiosk at logon" SecKiosk
  WriteRegStr HKLM "${RUN_KEY}" "${APPNAME}Kiosk" '"${PYTHONW}" -I -m desktop.cli kiosk'
SectionEnd

Section "-upgrade clean-up"
  ; an upgrade without the kiosk component drops an older autostart entry
  ${IfNot} ${SectionIsSelected} ${SecKiosk}
    DeleteRegValue HKLM "${RUN_KEY}" "${APPNAME}Kiosk"
  ${EndIf}
SectionEnd

; after the sections: it selects them by their index
Function .onInit
  ${IfNot} ${RunningX64}
    MessageBox MB_ICONSTOP|MB_OK "一窗需要 64 位 Windows。 Yichuang needs 64-bit Windows." /SD IDOK
    Abort
  ${EndIf}
  SetRegView 64
  SetShellVarContext all
  ReadRegStr $0 HKLM "${REGKEY}" "InstallDir"
  ${If} $0 != ""
    StrCpy $INSTDIR $0
  ${EndIf}
  !insertmacro RefuseWhileRunning
  ; silent installs choose components on the command line: /KIOSK /DESKTOP
  ${GetParameters} $R0
  ClearErrors
  ${GetOptions} $R0 "/KIOSK" $R1
  ${IfNot} ${Errors}
    !insertmacro SelectSection ${SecKiosk}
  ${EndIf}
  ClearErrors
  ${GetOptions} $R0 "/DESKTOP" $R1
  ${IfNot} ${Errors}
    !insertmacro SelectSection ${SecDesktop}
  ${EndIf}
FunctionEnd


Section "un.一窗 Yichuang" UnSecMain
  SectionIn RO
  DeleteRegValue HKLM "${RUN_KEY}" "${APPNAME}Kiosk"
  Delete "$DESKTOP\${APPNAME_ZH}.lnk"
  RMDir /r "$SMPROGRAMS\${APPNAME_ZH}"
  RMDir /r "$INSTDIR\lib"
  RMDir /r "$INSTDIR\python"
  Delete "$INSTDIR\yichuang.cmd"
  Delete "$INSTDIR\yichuang.ico"
  Delete "$INSTDIR\LICENSE.txt"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  DeleteRegKey HKLM "${UNINST_KEY}"
  DeleteRegKey HKLM "${REGKEY}"
SectionEnd

; The data folder holds the replica with cases not yet uploaded: kept unless asked.
Section /o "un.同时删除本用户的一窗数据（未上传的办件将丢失） / Also delete this user's data" UnSecData
  Call un.RemoveData
SectionEnd

Function un.RemoveData
  SetShellVarContext current
  RMDir /r "$LOCALAPPDATA\yichuang"
  SetShellVarContext all
FunctionEnd

; after the sections: it selects them by their index.
; A silent uninstall keeps the data; `uninstall.exe /S /REMOVEDATA` deletes it too.
Function un.onInit
  SetRegView 64
  SetShellVarContext all
  !insertmacro RefuseWhileRunning
  ${GetParameters} $R0
  ClearErrors
  ${GetOptions} $R0 "/REMOVEDATA" $R1
  ${IfNot} ${Errors}
    !insertmacro SelectSection ${UnSecData}
  ${EndIf}
FunctionEnd
