; 一窗 Yichuang — Windows installer (NSIS, Unicode).
;
; Packs a self-contained build of the app (dist\yichuang\, made on Windows by
; `scripts\build_windows.ps1`: an embeddable CPython + the wheel and its dependencies)
; and sets up one terminal: the counter, the kiosk or the supervisor view.
; Kept as a template in the spirit of Picard's installer: values come from !defines
; so a hall's IT staff can build a branded installer with
;   makensis /DVERSION=0.1.0 /DDIST=dist\yichuang installer.nsi

Unicode true
SetCompressor /SOLID lzma

!ifndef VERSION
  !define VERSION "0.1.0"
!endif
!ifndef DIST
  !define DIST "dist\yichuang"
!endif
!define APPNAME "Yichuang"
!define APPNAME_ZH "一窗政务服务窗口系统"
!define PUBLISHER "Yichuang contributors"
!define UNINST_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${APPNAME}"

!include "MUI2.nsh"
!include "LogicLib.nsh"
!include "nsDialogs.nsh"

Name "${APPNAME_ZH} ${VERSION}"
OutFile "yichuang-${VERSION}-setup.exe"
InstallDir "$PROGRAMFILES64\${APPNAME}"
InstallDirRegKey HKLM "Software\${APPNAME}" "InstallDir"
RequestExecutionLevel admin
ShowInstDetails show

Var Face
Var FaceDialog
Var RadioCounter
Var RadioKiosk
Var RadioSupervisor

!define MUI_ABORTWARNING
!insertmacro MUI_PAGE_LICENSE "LICENSE"
!insertmacro MUI_PAGE_DIRECTORY
Page custom FacePage FacePageLeave
!insertmacro MUI_PAGE_INSTFILES
!define MUI_FINISHPAGE_RUN "$INSTDIR\yichuang.exe"
!define MUI_FINISHPAGE_RUN_PARAMETERS "$Face"
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "SimpChinese"
!insertmacro MUI_LANGUAGE "English"

Function FacePage
  nsDialogs::Create 1018
  Pop $FaceDialog
  ${NSD_CreateLabel} 0 0 100% 24u "本机用途 / This terminal is:"
  Pop $0
  ${NSD_CreateRadioButton} 10u 28u 100% 12u "窗口受理 (counter)"
  Pop $RadioCounter
  ${NSD_CreateRadioButton} 10u 44u 100% 12u "自助登记机 (kiosk)"
  Pop $RadioKiosk
  ${NSD_CreateRadioButton} 10u 60u 100% 12u "监管 (supervisor)"
  Pop $RadioSupervisor
  ${NSD_Check} $RadioCounter
  nsDialogs::Show
FunctionEnd

Function FacePageLeave
  StrCpy $Face "counter"
  ${NSD_GetState} $RadioKiosk $0
  ${If} $0 == ${BST_CHECKED}
    StrCpy $Face "kiosk"
  ${EndIf}
  ${NSD_GetState} $RadioSupervisor $0
  ${If} $0 == ${BST_CHECKED}
    StrCpy $Face "supervisor"
  ${EndIf}
FunctionEnd

Section "Yichuang" SecMain
  SectionIn RO
  SetOutPath "$INSTDIR"
  File /r "${DIST}\*.*"
  File "LICENSE"
  WriteRegStr HKLM "Software\${APPNAME}" "InstallDir" "$INSTDIR"
  WriteRegStr HKLM "Software\${APPNAME}" "Face" "$Face"
  WriteUninstaller "$INSTDIR\uninstall.exe"
  WriteRegStr HKLM "${UNINST_KEY}" "DisplayName" "${APPNAME_ZH}"
  WriteRegStr HKLM "${UNINST_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKLM "${UNINST_KEY}" "Publisher" "${PUBLISHER}"
  WriteRegStr HKLM "${UNINST_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegDWORD HKLM "${UNINST_KEY}" "NoModify" 1
  WriteRegDWORD HKLM "${UNINST_KEY}" "NoRepair" 1

  CreateDirectory "$SMPROGRAMS\${APPNAME_ZH}"
  CreateShortcut "$SMPROGRAMS\${APPNAME_ZH}\窗口受理.lnk" "$INSTDIR\yichuang.exe" "counter"
  CreateShortcut "$SMPROGRAMS\${APPNAME_ZH}\监管.lnk" "$INSTDIR\yichuang.exe" "supervisor"
  CreateShortcut "$SMPROGRAMS\${APPNAME_ZH}\卸载.lnk" "$INSTDIR\uninstall.exe"
  CreateShortcut "$DESKTOP\${APPNAME_ZH}.lnk" "$INSTDIR\yichuang.exe" "$Face"
  ; A kiosk comes back by itself after a restart (issue: the kiosk).
  ${If} $Face == "kiosk"
    WriteRegStr HKLM "Software\Microsoft\Windows\CurrentVersion\Run" "${APPNAME}Kiosk" '"$INSTDIR\yichuang.exe" kiosk'
  ${EndIf}
SectionEnd

Section "Uninstall"
  DeleteRegValue HKLM "Software\Microsoft\Windows\CurrentVersion\Run" "${APPNAME}Kiosk"
  Delete "$DESKTOP\${APPNAME_ZH}.lnk"
  RMDir /r "$SMPROGRAMS\${APPNAME_ZH}"
  ; The terminal's data (%LOCALAPPDATA%\yichuang: the replica with unsynced cases) is
  ; deliberately kept: uninstalling must never lose a hall's work.
  RMDir /r "$INSTDIR"
  DeleteRegKey HKLM "${UNINST_KEY}"
  DeleteRegKey HKLM "Software\${APPNAME}"
SectionEnd
