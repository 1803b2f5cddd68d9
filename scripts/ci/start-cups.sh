#!/usr/bin/env bash
# Starts cupsd (no systemd in CI containers) and adds a cups-pdf queue that writes into a folder
# the tests read: PORTODESK_TEST_PDF_DIR (default /var/spool/cups-pdf/ANONYMOUS).
set -euo pipefail
if ! command -v cupsd >/dev/null; then echo "cupsd missing"; exit 1; fi
if ! lpstat -r 2>/dev/null | grep -q "is running"; then
  (cupsd || /usr/sbin/cupsd) && sleep 1
fi
for i in $(seq 1 20); do lpstat -r 2>/dev/null | grep -q "is running" && break; sleep 0.5; done
lpstat -r
