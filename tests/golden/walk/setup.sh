# A folder that is no workspace is searched whole: nested folders, a link
# that loops back, hidden folders and output/ are handled without a hang.
mkdir -p map/diep/dieper map/.verborgen map/output
printf '# Ans\n\n## Talenten\n- tuinieren\n' > map/diep/ans.md
printf '# Ans gaat tuinieren\n\n- persona: ans\n\n## Tuin\n- positie: buurt\n' > map/diep/dieper/ans-tuin.md
printf 'geen persona\n' > map/.verborgen/x.md
printf '{}' > map/output/findings.json
printf 'aantekeningen\n' > map/notities.txt
ln -s .. map/diep/lus
ln -s ../diep map/diep/dieper/terug
