# The place of one diagram is taken by a folder, so it cannot be written;
# another is a link to a file outside the output folder, which must not be
# followed.
mkdir -p output/ana-goed.dot
echo "niet overschrijven" > buiten.txt
ln -s ../buiten.txt output/ana-twee.dot
