{
"doc": "iapa-2004-tariff-response",
"speakers": {
  "IAPA": ["Internet Access Providers Association", "organisation", None, None],
  "RT": ["Rosalind Trevanion", "person", "secretary general", "Internet Access Providers Association"],
  "SPK": ["a spokesman", "person", "spokesman", "Internet Access Providers Association", {"anonymous": True}],
},
"quotes": [
  ["indirect", "IAPA", "it will raise costs for households and small businesses without returning a single crown to the artists it is meant to help"],
  ["indirect", "IAPA", "the tariff has been drawn so widely ~~ nothing to do with music"],
  ["direct", "RT", "Nobody in our industry disputes that artists should be paid. ~~ It is a revenue measure dressed up as one."],
  ["indirect", "SPK", "the group had asked to meet the minister, Anselm Varga, ~~ when it examines the measure next month"],
  ["direct", "SPK", "We took part in the consultation in good faith, and our main points appear to have been set aside, || We would like to understand why."],
],
"not_quotes": ["hit the wrong people"],
"entities": [
  ["organisation", "Internet Access Providers Association", ["Internet Access Providers Association", "IAPA"]],
  ["organisation", "National Assembly", ["National Assembly"]],
  ["organisation", "Corvel Networks plc", ["Corvel Networks"]],
  ["person", "Rosalind Trevanion", ["Rosalind Trevanion"]],
  ["person", "Anselm Varga", ["Anselm Varga"]],
  ["place", "Caldoria", ["Caldoria"]],
  ["money", "CRN 310000000", ["310 million crowns"]],
  ["money", "CRN 190000000", ["190 million"]],
  ["percent", "18%", ["18%"]],
  ["percent", "90%", ["90%"]],
],
"dates": [
  ["Tuesday", "2004-02-17", "rel"],
  ["2003", "2003"],
  ["next month", "2004-03", "rel"],
  ["1 July", "2004-07-01", "rel"],
],
}
