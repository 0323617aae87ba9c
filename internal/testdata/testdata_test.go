package testdata

import (
	"os"
	"testing"
)

// TestEveryFolderIsARound requires the folders under testdata/ and Rounds to
// be the same set, each with its inputs, so that no golden folder goes
// unchecked and no round lacks its folder.
func TestEveryFolderIsARound(t *testing.T) {
	ents, err := os.ReadDir(Dir())
	if err != nil {
		t.Fatal(err)
	}
	listed := map[string]bool{}
	for _, r := range Rounds {
		listed[r.Name] = true
	}
	for _, e := range ents {
		if !e.IsDir() {
			continue
		}
		t.Run(e.Name(), func(t *testing.T) {
			if !listed[e.Name()] {
				t.Fatalf("testdata/%s is not in testdata.Rounds", e.Name())
			}
			delete(listed, e.Name())
		})
	}
	for name := range listed {
		t.Errorf("testdata.Rounds names %s, which has no folder under testdata/", name)
	}
	for _, r := range Rounds {
		t.Run(r.Name+"/inputs", func(t *testing.T) {
			for _, f := range []string{r.Contributions(), r.Gaps()} {
				if _, err := os.Stat(f); err != nil {
					t.Error(err)
				}
			}
		})
	}
}
