#!/bin/sh
# append reviewed CAP/KIN neighbour words from reread output of a piece range to stoplist.txt
python3 reread.py "$1" "$2" | grep -o 'CAP\[[^]]*\]\|KIN\[[^]]*\]' | sed 's/^CAP\[//; s/^KIN\[//; s/\]$//' | tr ' ' '\n' | grep -v '█' | sort -u | tr '\n' ' ' >> stoplist.txt
echo >> stoplist.txt
