package search

import "testing"

func BenchmarkTokenizer(b *testing.B) {
	docs := synthDocs(b, 1000)
	text := docs[1].Body + docs[2].Body + docs[3].Body
	b.SetBytes(int64(len(text)))
	var t tokenizer
	n := 0
	for b.Loop() {
		t = tokenizer{text: text, exact: t.exact, folded: t.folded}
		for t.next() {
			n++
		}
	}
}
