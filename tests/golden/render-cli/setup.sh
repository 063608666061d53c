# A file where an output folder is asked for.
echo "notities" > notes.txt
