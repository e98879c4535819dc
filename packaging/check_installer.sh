#!/usr/bin/env bash
# Check the NSIS installer's logic on Linux under Wine, with a tiny stand-in for the one-folder build:
# a per-user install, an upgrade that replaces the program files and keeps the data, a silent uninstall that
# keeps the data, and one with /REMOVEDATA that deletes them.
#
#   apt-get install -y nsis wine wine32:i386 xvfb      (wine32 after `dpkg --add-architecture i386`)
#   bash packaging/check_installer.sh
#
# It proves the script's logic, not the real build: that one is checked by packaging/build.py on Windows.
set -euo pipefail
cd "$(dirname "$0")"

work=$(mktemp -d)
trap 'wineserver -k 2>/dev/null || true; rm -rf "$work"' EXIT
export WINEPREFIX="$work/prefix" WINEDEBUG=-all WINEDLLOVERRIDES="winemenubuilder.exe=d"

payload="$work/dist/Grassroots"
mkdir -p "$payload/_internal/resources"
echo app >"$payload/grassroots-app.exe"
echo cli >"$payload/grassroots.exe"
echo resource >"$payload/_internal/resources/file.txt"
echo licence >"$payload/LICENSE.txt"
echo notices >"$payload/THIRD-PARTY-NOTICES.txt"
makensis -V2 -WX -DVERSION=0.1.0 -DVERSION_NUMBERS=0.1.0.0 -DSOURCE_DIR="$payload" -DOUTPUT_DIR="$work/dist" \
  grassroots.nsi
setup="$work/dist/Grassroots-0.1.0-setup.exe"

run() { xvfb-run -a wine "$@" >/dev/null 2>&1 || true; wineserver -w; }
fail() { echo "FAILED: $1" >&2; exit 1; }

run wineboot -i
user=$(id -un)
local_appdata="$WINEPREFIX/drive_c/users/$user/AppData/Local"
program="$local_appdata/Programs/Grassroots"
data="$local_appdata/Grassroots"
menu="$WINEPREFIX/drive_c/users/$user/AppData/Roaming/Microsoft/Windows/Start Menu/Programs/Grassroots"
uninstaller='C:\users\'"$user"'\AppData\Local\Programs\Grassroots\uninstall.exe'
registered() { wine reg query 'HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\Grassroots' >/dev/null 2>&1; }

run "$setup" /S
[[ -f "$program/grassroots-app.exe" && -f "$program/_internal/resources/file.txt" ]] || fail "not installed"
[[ -f "$program/LICENSE.txt" && -f "$program/THIRD-PARTY-NOTICES.txt" ]] || fail "no licence or notices"
[[ -f "$menu/Grassroots.lnk" ]] || fail "no Start-menu shortcut"
registered || fail "not in the installed programs"
echo "installed per user into $program"

mkdir -p "$data/backups"
echo database >"$data/grassroots.sqlite"
echo backup >"$data/backups/grassroots-2026-01-01T000000-daily-x.sqlite"
echo old >"$program/_internal/left-by-an-older-version.txt"
run "$setup" /S
[[ ! -e "$program/_internal/left-by-an-older-version.txt" ]] || fail "the upgrade kept an old program file"
[[ -f "$data/grassroots.sqlite" && -f "$data/backups/grassroots-2026-01-01T000000-daily-x.sqlite" ]] \
  || fail "the upgrade lost the data"
echo "upgraded: old program files gone, data kept"

run "$uninstaller" /S
[[ ! -e "$program" ]] || fail "the program folder is still there"
[[ ! -e "$menu" ]] || fail "the Start-menu folder is still there"
registered && fail "still in the installed programs"
[[ -f "$data/grassroots.sqlite" && -f "$data/backups/grassroots-2026-01-01T000000-daily-x.sqlite" ]] \
  || fail "the uninstall deleted the data"
echo "uninstalled: program gone, data and backups kept"

run "$setup" /S
run "$uninstaller" /S /REMOVEDATA
[[ ! -e "$program" && ! -e "$data" ]] || fail "/REMOVEDATA left the program or the data"
echo "uninstalled with /REMOVEDATA: program and data gone"
echo "installer checks passed"
