"""Append the capitalised words reread.py reports (for a reviewed range) to stoplist.txt."""
import subprocess, sys
out = subprocess.run([sys.executable, "reread.py"] + sys.argv[1:], capture_output=True, text=True).stdout
words = set(open("stoplist.txt").read().split()) if __import__("os").path.exists("stoplist.txt") else set()
for line in out.splitlines():
    for part in line.split(" | "):
        if "caps:" in part:
            words.update(part.split("caps:", 1)[1].split())
open("stoplist.txt", "w").write("\n".join(sorted(words)) + "\n")
print(len(words))
