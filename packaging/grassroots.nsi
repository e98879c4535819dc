; The Windows installer of Grassroots (NSIS 3): a per-user install that needs no administrator rights.
;
; Built by `py packaging\build.py --installer` after the one-folder build, which passes:
;   /DVERSION=0.1.0  /DVERSION_NUMBERS=0.1.0.0  (from pyproject.toml)
;   /DSOURCE_DIR=...\dist\Grassroots  /DOUTPUT_DIR=...\dist
;
; The program goes to %LOCALAPPDATA%\Programs\Grassroots. The clerk's data never live there: the database,
; its backups, the log and the settings are in %LOCALAPPDATA%\Grassroots, which an upgrade does not touch and
; an uninstall keeps unless the clerk ticks "Also delete my data and backups" (silently: `uninstall.exe /S
; /REMOVEDATA`). After an upgrade the next start backs up the database and migrates it to the new schema.

Unicode true
ManifestDPIAware true

!macro REQUIRE NAME
  !ifndef ${NAME}
    !error "Pass /D${NAME}=... (packaging\build.py --installer does)"
  !endif
!macroend
!insertmacro REQUIRE VERSION
!insertmacro REQUIRE VERSION_NUMBERS
!insertmacro REQUIRE SOURCE_DIR
!insertmacro REQUIRE OUTPUT_DIR

!define APP_NAME "Grassroots"
!define APP_EXE "grassroots-app.exe"
!define CLI_EXE "grassroots.exe"
!define UNINSTALLER "uninstall.exe"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${APP_NAME}"
!define SETTINGS_KEY "Software\${APP_NAME}"
!define DATA_DIR "$LOCALAPPDATA\${APP_NAME}"

!include "MUI2.nsh"
!include "FileFunc.nsh"
!include "Sections.nsh"

Name "${APP_NAME} (Nắm cơ sở) ${VERSION}"
OutFile "${OUTPUT_DIR}\Grassroots-${VERSION}-setup.exe"
RequestExecutionLevel user
InstallDir "$LOCALAPPDATA\Programs\${APP_NAME}"
InstallDirRegKey HKCU "${UNINSTALL_KEY}" "InstallLocation"
SetCompressor /SOLID lzma
ShowInstDetails show
ShowUninstDetails show

!define MUI_ICON "..\resources\icons\grassroots.ico"
!define MUI_UNICON "..\resources\icons\grassroots.ico"
!define MUI_ABORTWARNING
!define MUI_COMPONENTSPAGE_NODESC
!define MUI_LANGDLL_REGISTRY_ROOT HKCU
!define MUI_LANGDLL_REGISTRY_KEY "${SETTINGS_KEY}"
!define MUI_LANGDLL_REGISTRY_VALUENAME "InstallerLanguage"
!define MUI_FINISHPAGE_RUN "$INSTDIR\${APP_EXE}"

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_COMPONENTS
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH

!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_COMPONENTS
!insertmacro MUI_UNPAGE_INSTFILES

; The first language is the default one.
!insertmacro MUI_LANGUAGE "Vietnamese"
!insertmacro MUI_LANGUAGE "English"
!insertmacro MUI_RESERVEFILE_LANGDLL

LangString SectionProgram ${LANG_VIETNAMESE} "Chương trình Nắm cơ sở"
LangString SectionProgram ${LANG_ENGLISH} "The Grassroots program"
LangString SectionDesktop ${LANG_VIETNAMESE} "Biểu tượng trên màn hình nền"
LangString SectionDesktop ${LANG_ENGLISH} "Desktop shortcut"
LangString SectionData ${LANG_VIETNAMESE} "Xóa luôn dữ liệu và các bản sao lưu của tôi"
LangString SectionData ${LANG_ENGLISH} "Also delete my data and backups"
LangString UninstallShortcut ${LANG_VIETNAMESE} "Gỡ cài đặt Nắm cơ sở"
LangString UninstallShortcut ${LANG_ENGLISH} "Uninstall Grassroots"
LangString AppRunning ${LANG_VIETNAMESE} "Nắm cơ sở đang chạy (cửa sổ hoặc lệnh grassroots). Hãy đóng chương trình rồi bấm Thử lại."
LangString AppRunning ${LANG_ENGLISH} "Grassroots is running (its window or a grassroots command). Close it, then click Retry."
LangString DataKept ${LANG_VIETNAMESE} "Dữ liệu và các bản sao lưu vẫn được giữ trong ${DATA_DIR}."
LangString DataKept ${LANG_ENGLISH} "Your data and backups are kept in ${DATA_DIR}."

VIProductVersion "${VERSION_NUMBERS}"
VIFileVersion "${VERSION_NUMBERS}"
VIAddVersionKey /LANG=${LANG_ENGLISH} "ProductName" "${APP_NAME}"
VIAddVersionKey /LANG=${LANG_ENGLISH} "FileDescription" "${APP_NAME} ${VERSION} setup"
VIAddVersionKey /LANG=${LANG_ENGLISH} "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=${LANG_ENGLISH} "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=${LANG_ENGLISH} "LegalCopyright" "GPL-3.0-or-later"

; Wait until the program in the folder is closed, the window and the command line alike (a long `grassroots`
; command runs from the same _internal folder): their files cannot be replaced or removed while they run.
!macro WAIT_FOR_CLOSED UN
Function ${UN}InUse  ; $R0: a program file of the folder -> $R1: 1 when it is running (Windows locks it), else 0
  StrCpy $R1 0
  IfFileExists "$INSTDIR\$R0" 0 done
  ClearErrors
  FileOpen $0 "$INSTDIR\$R0" a
  IfErrors 0 opened
  StrCpy $R1 1
  Return
  opened:
    FileClose $0
  done:
FunctionEnd

Function ${UN}WaitForClosed
  retry:
    StrCpy $R0 "${APP_EXE}"
    Call ${UN}InUse
    IntCmp $R1 1 running
    StrCpy $R0 "${CLI_EXE}"
    Call ${UN}InUse
    IntCmp $R1 1 running
    Return
  running:
    MessageBox MB_RETRYCANCEL|MB_ICONEXCLAMATION "$(AppRunning)" /SD IDCANCEL IDRETRY retry
    Abort
FunctionEnd
!macroend
!insertmacro WAIT_FOR_CLOSED ""
!insertmacro WAIT_FOR_CLOSED "un."

; The program's own files only: an upgrade replaces them all, an uninstall removes them.
!macro REMOVE_PROGRAM_FILES
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\${APP_EXE}"
  Delete "$INSTDIR\${CLI_EXE}"
  Delete "$INSTDIR\LICENSE.txt"
  Delete "$INSTDIR\THIRD-PARTY-NOTICES.txt"
  Delete "$INSTDIR\SOURCE-CODE.zip"
!macroend

Function .onInit
  StrCpy $LANGUAGE ${LANG_VIETNAMESE}  ; offered first whatever the language of Windows
  !insertmacro MUI_LANGDLL_DISPLAY
FunctionEnd

Section "!$(SectionProgram)" SectionProgram
  SectionIn RO
  Call WaitForClosed
  !insertmacro REMOVE_PROGRAM_FILES
  SetOutPath "$INSTDIR"
  File /r "${SOURCE_DIR}\*.*"
  WriteUninstaller "$INSTDIR\${UNINSTALLER}"

  CreateDirectory "$SMPROGRAMS\${APP_NAME}"
  CreateShortcut "$SMPROGRAMS\${APP_NAME}\${APP_NAME}.lnk" "$INSTDIR\${APP_EXE}"
  CreateShortcut "$SMPROGRAMS\${APP_NAME}\$(UninstallShortcut).lnk" "$INSTDIR\${UNINSTALLER}"

  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayName" "${APP_NAME} (Nắm cơ sở)"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "Publisher" "${APP_NAME}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\${APP_EXE}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\${UNINSTALLER}"'
  WriteRegStr HKCU "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\${UNINSTALLER}" /S'
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "EstimatedSize" $0
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoRepair" 1
SectionEnd

Section "$(SectionDesktop)" SectionDesktop
  CreateShortcut "$DESKTOP\${APP_NAME}.lnk" "$INSTDIR\${APP_EXE}"
SectionEnd

Section "un.$(SectionProgram)" UninstallProgram
  SectionIn RO
  Call un.WaitForClosed
  Delete "$DESKTOP\${APP_NAME}.lnk"
  RMDir /r "$SMPROGRAMS\${APP_NAME}"
  !insertmacro REMOVE_PROGRAM_FILES
  Delete "$INSTDIR\${UNINSTALLER}"
  RMDir "$INSTDIR"
  DeleteRegKey HKCU "${UNINSTALL_KEY}"
  DeleteRegKey HKCU "${SETTINGS_KEY}"
SectionEnd

; Unticked unless the clerk ticks it; a silent uninstall keeps the data unless given /REMOVEDATA.
Section /o "un.$(SectionData)" UninstallData
  RMDir /r "${DATA_DIR}"
SectionEnd

Section "-un.Report"
  SectionGetFlags ${UninstallData} $0
  IntOp $0 $0 & ${SF_SELECTED}
  IntCmp $0 ${SF_SELECTED} done
  DetailPrint "$(DataKept)"
  done:
SectionEnd

; After the sections, whose numbers it uses.
Function un.onInit
  !insertmacro MUI_UNGETLANGUAGE
  ${GetParameters} $0
  ClearErrors
  ${GetOptions} $0 "/REMOVEDATA" $1
  IfErrors keep
  !insertmacro SelectSection ${UninstallData}
  keep:
FunctionEnd
