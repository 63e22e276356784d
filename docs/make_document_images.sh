#!/usr/bin/env bash
# Regenerate docs/images/{memo,memo-partner,trip-report,dossier}.png from the demo story:
# a fresh demo database, the CLI's memo/dossier commands, pdftoppm (poppler-utils).
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export CRM_DATA_DIR="$work/data"
db="$work/demo.sqlite3"
crm() { python3 -m crm_desktop --db "$db" "$@"; }
crm demo >/dev/null
meeting=$(crm list meetings | grep 'Kaiyuan Pump' | head -1 | cut -d' ' -f1)
trip=$(crm list trips | head -1 | cut -d' ' -f1)
company=$(crm list companies | grep 'Kaiyuan' | head -1 | cut -d' ' -f1)
crm memo "$meeting" --approve -o "$work/memo.pdf" >/dev/null
crm memo "$meeting" --copy partner --lang ru+zh -o "$work/partner.pdf" >/dev/null
crm memo --trip "$trip" -o "$work/trip.pdf" >/dev/null
crm dossier "$company" -o "$work/dossier.pdf" >/dev/null
pdftoppm -r 60 -png -f 1 -l 1 -singlefile "$work/memo.pdf" docs/images/memo
pdftoppm -r 60 -png -f 1 -l 1 -singlefile "$work/partner.pdf" docs/images/memo-partner
pdftoppm -r 60 -png -f 2 -l 2 -singlefile "$work/trip.pdf" docs/images/trip-report
pdftoppm -r 60 -png -f 1 -l 1 -singlefile "$work/dossier.pdf" docs/images/dossier
ls -l docs/images/memo.png docs/images/memo-partner.png docs/images/trip-report.png \
  docs/images/dossier.png
