#!/usr/bin/env bash
# Starts cupsd without systemd (CI containers) and adds a cups-pdf queue for the printing tests.
#
#   PORTODESK_CUPS_QUEUE    queue name (default PortodeskPDF)
#   PORTODESK_TEST_PDF_DIR  where cups-pdf writes the printed PDFs (default /var/spool/cups-pdf/portodesk)
#
# The queue's device URI names the queue (cups-pdf:/PortodeskPDF), so cups-pdf reads its own
# /etc/cups/cups-pdf-PortodeskPDF.conf, whose `Out` line tells the tests where the files land.
# Safe to run again: a running scheduler and an existing queue are reused.
set -euo pipefail
QUEUE=${PORTODESK_CUPS_QUEUE:-PortodeskPDF}
OUT=${PORTODESK_TEST_PDF_DIR:-/var/spool/cups-pdf/portodesk}
PIDFILE=${PORTODESK_CUPSD_PIDFILE:-/run/portodesk-cupsd.pid}

if ! command -v cupsd >/dev/null 2>&1 && [ ! -x /usr/sbin/cupsd ]; then
  echo "start-cups: cupsd fehlt (apt-get install -y cups cups-client cups-bsd printer-driver-cups-pdf poppler-utils)" >&2
  exit 1
fi
CUPSD=$(command -v cupsd || echo /usr/sbin/cupsd)

running() { local s; s=$(lpstat -r 2>/dev/null || true); [[ "$s" == *"is running"* ]]; }

if ! running; then
  mkdir -p /run/cups /var/spool/cups /var/log/cups
  # -f keeps it in the foreground of its own subshell; started detached so it outlives this script.
  setsid "$CUPSD" -f </dev/null >/var/log/cups/portodesk-cupsd.out 2>&1 &
  echo $! >"$PIDFILE"
  for _ in $(seq 1 100); do running && break; sleep 0.1; done
fi
running || { echo "start-cups: der CUPS-Scheduler startet nicht (siehe /var/log/cups/error_log)" >&2; exit 1; }

mkdir -p "$OUT"
chmod 0777 "$OUT"
printf 'Out %s\nGrp lp\nUserUMask 0022\nAnonUMask 0022\nLabel 0\n' "$OUT" >"/etc/cups/cups-pdf-${QUEUE}.conf"

PPD=$(lpinfo -m 2>/dev/null | awk '/CUPS-PDF_opt\.ppd/ {print $1; exit}')
[ -n "$PPD" ] || PPD=$(lpinfo -m 2>/dev/null | awk '/CUPS-PDF/ {print $1; exit}')
[ -n "$PPD" ] || { echo "start-cups: kein cups-pdf-Treiber (apt-get install -y printer-driver-cups-pdf)" >&2; exit 1; }

queues=$(lpstat -e 2>/dev/null || true)
if ! grep -qix "$QUEUE" <<<"$queues"; then
  lpadmin -p "$QUEUE" -E -v "cups-pdf:/${QUEUE}" -m "$PPD" -D "Portodesk PDF (Test)" 2>/dev/null
fi
cupsenable "$QUEUE" 2>/dev/null || true
cupsaccept "$QUEUE" 2>/dev/null || true
echo "start-cups: Scheduler läuft, Warteschlange ${QUEUE} schreibt nach ${OUT}"
