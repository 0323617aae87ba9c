package app

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/ethereum/go-ethereum/common"
)

// manifestName is the file qf writes last into every output folder (qf
// calc --out, qf cqf --out, qf export --format bundle): which round the
// folder publishes and the SHA-256 of every file in it.
const manifestName = "qf-manifest.json"

const manifestFormat = "qf publication v1"

// errOutDir reports an output folder qf will not write into.
var errOutDir = errors.New("output folder")

// manifest describes a publication folder.
type manifest struct {
	Format string `json:"format"`
	// Round names what the folder publishes: a stored round's number and
	// name, or the contributions file qf calc read.
	Round pubRound    `json:"round"`
	Root  common.Hash `json:"root"`
	// Complete is false while qf is writing the folder: a write that failed
	// half-way leaves it false, and the next write of the same round may
	// replace whatever is there.
	Complete bool `json:"complete"`
	// Files maps every other file's slash path to its SHA-256 (hex).
	Files map[string]string `json:"files"`
}

type pubRound struct {
	Number uint64 `json:"number,omitempty"`
	Name   string `json:"name"`
}

func (r pubRound) String() string {
	if r.Number > 0 {
		return fmt.Sprintf("round %d (%s)", r.Number, r.Name)
	}
	return r.Name
}

// publication writes files into an output folder and then its manifest.
type publication struct {
	dir   string
	round pubRound
	files map[string]string
}

// openPublication readies dir for round's files: it must not exist, be
// empty, or hold qf's earlier publication of the same round (whose files
// are then removed, so no stale proof survives). Anything else is refused
// before a byte is written.
func openPublication(dir string, round pubRound) (*publication, error) {
	var present []string
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() {
			rel, _ := filepath.Rel(dir, path)
			present = append(present, filepath.ToSlash(rel))
		}
		return nil
	})
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("%w %s: %v", errOutDir, dir, err)
	}
	if len(present) > 0 {
		old, err := readManifest(dir)
		if err != nil {
			return nil, fmt.Errorf("%w %s is not empty and is not a qf publication (no readable %s): write into a new or empty folder", errOutDir, dir, manifestName)
		}
		if old.Round != round {
			return nil, fmt.Errorf("%w %s holds the publication of %s, not %s: write into a new or empty folder", errOutDir, dir, old.Round, round)
		}
		for _, f := range present {
			if _, listed := old.Files[f]; !listed && f != manifestName && old.Complete {
				return nil, fmt.Errorf("%w %s: %s is not part of qf's publication there: remove it or write into a new or empty folder", errOutDir, dir, f)
			}
		}
		for _, f := range present {
			if err := os.Remove(filepath.Join(dir, filepath.FromSlash(f))); err != nil {
				return nil, fmt.Errorf("%w %s: removing the earlier %s: %v", errOutDir, dir, f, err)
			}
		}
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("creating %s: %w", dir, err)
	}
	p := &publication{dir: dir, round: round, files: map[string]string{}}
	// claim the folder first: if writing stops half-way, a retry knows it
	if err := p.writeManifest(common.Hash{}, false); err != nil {
		return nil, err
	}
	return p, nil
}

func readManifest(dir string) (*manifest, error) {
	b, err := os.ReadFile(filepath.Join(dir, manifestName))
	if err != nil {
		return nil, err
	}
	var m manifest
	if err := json.Unmarshal(b, &m); err != nil {
		return nil, fmt.Errorf("%s: %w", manifestName, err)
	}
	if m.Format != manifestFormat {
		return nil, fmt.Errorf("%s: format %q, want %q", manifestName, m.Format, manifestFormat)
	}
	return &m, nil
}

// write stores b as rel (a slash path) and records its digest.
func (p *publication) write(rel string, b []byte) error {
	path := filepath.Join(p.dir, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return fmt.Errorf("creating %s: %w", filepath.Dir(path), err)
	}
	if err := os.WriteFile(path, b, 0o644); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	p.files[rel] = sha256Hex(b)
	return nil
}

func (p *publication) writeJSON(rel string, v any) error {
	b, err := json.MarshalIndent(v, "", " ")
	if err != nil {
		return err
	}
	return p.write(rel, append(b, '\n'))
}

// finish writes the manifest: the folder is complete.
func (p *publication) finish(root common.Hash) error { return p.writeManifest(root, true) }

func (p *publication) writeManifest(root common.Hash, complete bool) error {
	b, err := json.MarshalIndent(manifest{Format: manifestFormat, Round: p.round, Root: root, Complete: complete, Files: p.files}, "", " ")
	if err != nil {
		return err
	}
	path := filepath.Join(p.dir, manifestName)
	if err := os.WriteFile(path, append(b, '\n'), 0o644); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	return nil
}

func sha256Hex(b []byte) string {
	h := sha256.Sum256(b)
	return hex.EncodeToString(h[:])
}
