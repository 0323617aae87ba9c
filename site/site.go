package site

import (
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"

	"github.com/ethereum/go-ethereum/common"

	"github.com/qf-dev/qf/calc"
	"github.com/qf-dev/qf/ingest"
	"github.com/qf-dev/qf/merkle"
	"github.com/qf-dev/qf/payout"
	"github.com/qf-dev/qf/round"
	"github.com/qf-dev/qf/store"
)

//go:embed assets
var assets embed.FS

// Assets are the page's built files (index.html, app.js, app.css).
func Assets() fs.FS {
	sub, err := fs.Sub(assets, "assets")
	if err != nil {
		panic(err)
	}
	return sub
}

// Format names the shape of round.json.
const Format = "qf-round-page/1"

// ErrNotClosed is returned for a round that has no results yet.
var ErrNotClosed = errors.New("round not closed")

// ErrUnsupported is returned for rounds the page cannot show yet.
var ErrUnsupported = errors.New("no round page for this round")

// ErrMultiToken reports a round with contributions in several tokens: its
// page's contributions.csv could not be recomputed without the prices
// (the bundle publication carries them).
var ErrMultiToken = errors.New("the round has contributions in several tokens (a price ledger)")

// Data is round.json: what the page shows besides the tree.
type Data struct {
	Format   string `json:"format"`
	Round    uint64 `json:"round"`
	Name     string `json:"name,omitempty"`
	Status   string `json:"status"` // matched (closed, root not posted) or submitted
	Decimals uint8  `json:"decimals"`
	// Settings are the round's mechanism settings as stored.
	Settings calc.Config    `json:"settings"`
	Leaf     payout.Leaf    `json:"leaf"`
	Root     common.Hash    `json:"root"`
	Chain    *Chain         `json:"chain,omitempty"`
	Inputs   []Input        `json:"inputs"`
	Report   *payout.Report `json:"report"`
}

// Chain is where the round's root was posted and claims go.
type Chain struct {
	ChainID  uint64         `json:"chainId"`
	Contract common.Address `json:"contract"`
	SubmitTx common.Hash    `json:"submitTx,omitzero"`
}

// Input is one published file with its SHA-256, so a verifier knows it has
// the same bytes.
type Input struct {
	File   string `json:"file"`
	Rows   int    `json:"rows"`
	SHA256 string `json:"sha256"`
}

// Page is a round's page: its files besides the assets.
type Page struct {
	Data  *Data
	Files map[string][]byte // round.json, tree.json, report.json, contributions.csv, gaps.csv
}

// Build gathers round n's page from the store.
func Build(s *store.Store, n uint64) (*Page, error) {
	r, err := s.Round(n)
	if err != nil {
		return nil, err
	}
	if r.Status == store.StatusOpen {
		return nil, &store.RoundError{Round: n, Err: fmt.Errorf("%w: round %d is open", ErrNotClosed, n)}
	}
	if r.Config.Mechanism == calc.CQFName {
		return nil, fmt.Errorf("%w: round %d is a cqf round (refund leaves)", ErrUnsupported, n)
	}
	if payout.Leaf(r.Leaf) == payout.LeafAllo {
		// Its leaves are (index, recipientId, recipientAddress, amount),
		// claimed through Allo's strategy, not QFRound's claimMatching.
		return nil, fmt.Errorf("%w: round %d pays Allo v2 leaves (claimed through the Allo pool)", ErrUnsupported, n)
	}
	if prices, err := s.Prices(n); err != nil {
		return nil, err
	} else if prices != nil {
		// Its contributions.csv would need token columns and the ledger
		// for qf verify round to recompute it; the bundle carries both.
		return nil, fmt.Errorf("%w: round %d: %w", ErrUnsupported, n, ErrMultiToken)
	}
	rep, err := round.StoredReport(s, n)
	if err != nil {
		return nil, err
	}
	if rep.Root == (common.Hash{}) {
		return nil, fmt.Errorf("%w: round %d has no payout tree (no gap has a positive match)", ErrUnsupported, n)
	}
	t, err := s.Tree(n)
	if err != nil {
		return nil, err
	}
	files := map[string][]byte{}
	if files["report.json"], err = indentJSON(rep); err != nil {
		return nil, err
	}
	if files["tree.json"], err = indentJSON(t); err != nil {
		return nil, err
	}
	contribs, nc, err := contributionsCSV(s, n)
	if err != nil {
		return nil, err
	}
	files["contributions.csv"] = contribs
	gaps, ng, err := gapsCSV(s, rep)
	if err != nil {
		return nil, err
	}
	files["gaps.csv"] = gaps
	leaf := payout.Leaf(r.Leaf)
	if leaf == "" {
		leaf = payout.LeafStandard
	}
	d := &Data{Format: Format, Round: n, Name: r.Name, Status: status(r.Status), Decimals: r.Decimals, Settings: r.Config,
		Leaf: leaf, Root: t.Root(), Report: rep, Inputs: []Input{
			{File: "contributions.csv", Rows: nc, SHA256: sum(contribs)},
			{File: "gaps.csv", Rows: ng, SHA256: sum(gaps)},
			{File: "report.json", Rows: len(rep.Gaps), SHA256: sum(files["report.json"])},
			{File: "tree.json", Rows: len(t.Values()), SHA256: sum(files["tree.json"])},
		}}
	if r.Chain != nil {
		d.Chain = &Chain{ChainID: r.Chain.ChainID, Contract: r.Chain.Contract, SubmitTx: r.SubmitTx}
	}
	if files["round.json"], err = indentJSON(d); err != nil {
		return nil, err
	}
	return &Page{Data: d, Files: files}, nil
}

func status(s store.Status) string {
	if s == store.StatusClosed {
		return "matched"
	}
	return string(s)
}

// indentJSON encodes as qf export --format bundle does, so the hashes of
// report.json and tree.json are those of the bundle's files.
func indentJSON(v any) ([]byte, error) {
	b, err := json.MarshalIndent(v, "", " ")
	if err != nil {
		return nil, err
	}
	return append(b, '\n'), nil
}

func sum(b []byte) string {
	h := sha256.Sum256(b)
	return hex.EncodeToString(h[:])
}

// contributionsCSV writes the round's stored contributions as a file qf
// import contributions and qf verify round read: id,donor,gap,amount, and
// weight and score when any row has them, in the store's (id) order. Ids
// that are not printable are written in hex.
func contributionsCSV(s *store.Store, n uint64) ([]byte, int, error) {
	type row struct{ id, donor, gap, amount, weight, score string }
	var rows []row
	var weights, scores bool
	err := s.EachContribution(n, func(r *ingest.Row) error {
		x := row{id: csvID(r.ID), donor: string(r.Donor), gap: r.Gap.Dec(), amount: r.Amount.Dec(), weight: string(r.Weight), score: string(r.Score)}
		weights = weights || x.weight != ""
		scores = scores || x.score != ""
		rows = append(rows, x)
		return nil
	})
	if err != nil {
		return nil, 0, err
	}
	var b bytes.Buffer
	b.WriteString("id,donor,gap,amount")
	if weights {
		b.WriteString(",weight")
	}
	if scores {
		b.WriteString(",score")
	}
	b.WriteByte('\n')
	for _, x := range rows {
		b.WriteString(x.id + "," + x.donor + "," + x.gap + "," + x.amount)
		if weights {
			b.WriteString("," + x.weight)
		}
		if scores {
			b.WriteString("," + x.score)
		}
		b.WriteByte('\n')
	}
	return b.Bytes(), len(rows), nil
}

func csvID(id []byte) string {
	for _, c := range id {
		if c <= ' ' || c > '~' || c == ',' || c == '"' {
			return "0x" + hex.EncodeToString(id)
		}
	}
	return string(id)
}

// gapsCSV writes gap,recipient for the round's gaps (those in its report).
func gapsCSV(s *store.Store, rep *payout.Report) ([]byte, int, error) {
	var b bytes.Buffer
	b.WriteString("gap,recipient\n")
	for _, g := range rep.Gaps {
		b.WriteString(g.Gap + "," + g.Recipient.Hex() + "\n")
	}
	return b.Bytes(), len(rep.Gaps), nil
}

// Write writes the page into dir: the assets and the round's files.
func Write(dir string, p *Page) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("creating %s: %w", dir, err)
	}
	err := fs.WalkDir(Assets(), ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(Assets(), path)
		if err != nil {
			return err
		}
		return writeFile(filepath.Join(dir, path), b)
	})
	if err != nil {
		return err
	}
	for name, b := range p.Files {
		if err := writeFile(filepath.Join(dir, name), b); err != nil {
			return err
		}
	}
	return nil
}

func writeFile(path string, b []byte) error {
	if err := os.WriteFile(path, b, 0o644); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	return nil
}

// Handler serves every closed round's page under /rounds/{round}/ (mount it
// at "GET /rounds/"): the assets, round.json, tree.json and the inputs.
// /rounds/ itself lists the rounds that have a page.
//
// A closed round's page is built once and kept until the round's status
// changes (its root posted): its results never change after the match.
func Handler(s *store.Store) http.Handler {
	static := http.FileServerFS(Assets())
	c := &cache{pages: map[uint64]cached{}}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rest, ok := strings.CutPrefix(r.URL.Path, "/rounds/")
		if !ok {
			http.NotFound(w, r)
			return
		}
		if rest == "" {
			index(w, s)
			return
		}
		num, file, found := strings.Cut(rest, "/")
		n, err := strconv.ParseUint(num, 10, 64)
		if err != nil || n == 0 {
			http.Error(w, fmt.Sprintf("no round %q: want /rounds/{number}/", num), http.StatusNotFound)
			return
		}
		if !found {
			http.Redirect(w, r, "/rounds/"+num+"/", http.StatusMovedPermanently)
			return
		}
		w.Header().Set("X-Content-Type-Options", "nosniff")
		w.Header().Set("Content-Security-Policy", CSP)
		if file == "" || file == "index.html" || (file != "" && !strings.Contains(file, "/") && isAsset(file)) {
			if file == "" {
				file = "index.html"
			}
			r2 := r.Clone(r.Context())
			r2.URL.Path = "/" + file
			if file == "index.html" {
				// The page is the same for every round; its data is round.json.
				serveAsset(w, r, "index.html")
				return
			}
			static.ServeHTTP(w, r2)
			return
		}
		p, err := c.page(s, n)
		if err != nil {
			code := http.StatusInternalServerError
			switch {
			case errors.Is(err, store.ErrNoRound):
				code = http.StatusNotFound
			case errors.Is(err, ErrNotClosed), errors.Is(err, ErrUnsupported):
				code = http.StatusConflict
			}
			http.Error(w, err.Error(), code)
			return
		}
		b, ok := p.Files[file]
		if !ok {
			http.NotFound(w, r)
			return
		}
		ctype := "application/json"
		if strings.HasSuffix(file, ".csv") {
			ctype = "text/csv; charset=utf-8"
		}
		w.Header().Set("Content-Type", ctype)
		w.Header().Set("Cache-Control", "no-cache")
		_, _ = w.Write(b)
	})
}

type cached struct {
	key  string
	page *Page
}

type cache struct {
	mu    sync.Mutex
	pages map[uint64]cached
}

// page returns round n's page, building it when the round's status or
// submission changed since it was last built.
func (c *cache) page(s *store.Store, n uint64) (*Page, error) {
	r, err := s.Round(n)
	if err != nil {
		return nil, err
	}
	key := fmt.Sprintf("%s/%s/%v", r.Status, r.SubmitTx, r.Chain != nil)
	c.mu.Lock()
	defer c.mu.Unlock()
	if p, ok := c.pages[n]; ok && p.key == key {
		return p.page, nil
	}
	p, err := Build(s, n)
	if err != nil {
		return nil, err
	}
	c.pages[n] = cached{key: key, page: p}
	return p, nil
}

// CSP keeps the page to its own origin: scripts, styles and fetches from
// it only (the wallet is reached through window.ethereum, not the network).
const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'"

func isAsset(name string) bool {
	_, err := fs.Stat(Assets(), name)
	return err == nil
}

func serveAsset(w http.ResponseWriter, r *http.Request, name string) {
	b, err := fs.ReadFile(Assets(), name)
	if err != nil {
		http.NotFound(w, r)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	_, _ = w.Write(b)
}

func index(w http.ResponseWriter, s *store.Store) {
	rs, err := s.Rounds()
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	var b strings.Builder
	b.WriteString("<!doctype html><meta charset=utf-8><meta name=viewport content=\"width=device-width\"><title>qf rounds</title><h1>Rounds</h1><ul>")
	for _, r := range rs {
		if r.Status == store.StatusOpen || r.Config.Mechanism == calc.CQFName {
			continue
		}
		fmt.Fprintf(&b, "<li><a href=\"/rounds/%d/\">round %d</a> (%s)</li>", r.Number, r.Number, status(r.Status))
	}
	b.WriteString("</ul>")
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Content-Security-Policy", CSP)
	_, _ = w.Write([]byte(b.String()))
}

// Tree reads a page's tree.json back (tests and tools).
func Tree(p *Page) (*merkle.Tree, error) {
	var t merkle.Tree
	if err := json.Unmarshal(p.Files["tree.json"], &t); err != nil {
		return nil, err
	}
	return &t, nil
}
