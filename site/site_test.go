package site_test

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/stretchr/testify/require"

	"github.com/qf-dev/qf/site"
	"github.com/qf-dev/qf/store"
)

// TestExportAndServeAgree writes the demo round's page and fetches every
// file from qf serve's handler: the same bytes, and every hash in round.json
// is the hash of the file it names.
func TestExportAndServeAgree(t *testing.T) {
	db, rep := demoRound(t)
	out := filepath.Join(t.TempDir(), "site")
	qf(t, db, "export", "--round", "1", "--format", "site", "--out", out)
	bundle := filepath.Join(t.TempDir(), "bundle")
	qf(t, db, "export", "--round", "1", "--format", "bundle", "--out", bundle)
	url := serveStore(t, db)

	var data site.Data
	readJSON(t, filepath.Join(out, "round.json"), &data)
	require.Equal(t, site.Format, data.Format)
	require.Equal(t, rep.Root, data.Root.Hex())
	require.Equal(t, "matched", data.Status)
	hashes := map[string]string{}
	for _, in := range data.Inputs {
		hashes[in.File] = in.SHA256
	}
	require.Equal(t, []string{"contributions.csv", "gaps.csv", "report.json", "tree.json"}, fileNames(data.Inputs))

	entries, err := os.ReadDir(out)
	require.NoError(t, err)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	require.Equal(t, []string{"app.css", "app.js", "app.js.LEGAL.txt", "contributions.csv", "gaps.csv", "index.html", "report.json", "round.json", "tree.json"}, names)
	for _, name := range names {
		t.Run(name, func(t *testing.T) {
			want, err := os.ReadFile(filepath.Join(out, name))
			require.NoError(t, err)
			res, err := http.Get(url + "/rounds/1/" + name)
			require.NoError(t, err)
			got, err := io.ReadAll(res.Body)
			res.Body.Close()
			require.NoError(t, err)
			require.Equal(t, http.StatusOK, res.StatusCode)
			require.Equal(t, string(want), string(got), "qf serve and the export give the same %s", name)
			require.Equal(t, site.CSP, res.Header.Get("Content-Security-Policy"))
			if h, ok := hashes[name]; ok {
				sum := sha256.Sum256(want)
				require.Equal(t, h, hex.EncodeToString(sum[:]))
			}
			switch name {
			case "tree.json":
				b, err := os.ReadFile(filepath.Join(bundle, name))
				require.NoError(t, err)
				require.Equal(t, string(b), string(want), "the page's %s is the bundle's", name)
			case "report.json":
				// The bundle's report also carries its settings and the
				// hashes of its inputs/ (qf verify bundle); the page lists
				// its inputs' hashes in round.json. The rest is the same.
				var page, pub map[string]json.RawMessage
				require.NoError(t, json.Unmarshal(want, &page))
				b, err := os.ReadFile(filepath.Join(bundle, name))
				require.NoError(t, err)
				require.NoError(t, json.Unmarshal(b, &pub))
				require.Contains(t, pub, "settings")
				delete(pub, "settings")
				delete(pub, "inputs")
				require.Equal(t, pub, page, "the page's report is the bundle's, less its settings and inputs")
			}
		})
	}
	// The page at the folder's own address.
	res, err := http.Get(url + "/rounds/1/")
	require.NoError(t, err)
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	index, err := fs.ReadFile(site.Assets(), "index.html")
	require.NoError(t, err)
	require.Equal(t, string(index), string(body))
	require.Equal(t, "text/html; charset=utf-8", res.Header.Get("Content-Type"))
}

func fileNames(in []site.Input) []string {
	var out []string
	for _, i := range in {
		out = append(out, i.File)
	}
	return out
}

// TestHandlerRefusals: what qf serve answers for rounds without a page.
func TestHandlerRefusals(t *testing.T) {
	db, _ := demoRound(t)
	qf(t, db, "round", "create", "--pool", "5") // round 2, open
	url := serveStore(t, db)
	noRedirect := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	for _, c := range []struct {
		name, path string
		code       int
		body       string
	}{
		{"unknown round", "/rounds/9/round.json", http.StatusNotFound, "no such round: 9"},
		{"open round", "/rounds/2/round.json", http.StatusConflict, "round not closed: round 2 is open"},
		{"not a number", "/rounds/x/", http.StatusNotFound, `no round "x": want /rounds/{number}/`},
		{"round zero", "/rounds/0/", http.StatusNotFound, `no round "0": want /rounds/{number}/`},
		{"no such file", "/rounds/1/secret.json", http.StatusNotFound, "404 page not found"},
		{"dot segments are cleaned by the mux, not served", "/rounds/1/../../healthz", http.StatusTemporaryRedirect, ""},
		{"folder without slash", "/rounds/1", http.StatusMovedPermanently, ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			res, err := noRedirect.Get(url + c.path)
			require.NoError(t, err)
			b, _ := io.ReadAll(res.Body)
			res.Body.Close()
			require.Equal(t, c.code, res.StatusCode, string(b))
			if c.body != "" {
				require.Equal(t, c.body, strings.TrimSpace(string(b)))
			}
		})
	}
	t.Run("index lists closed rounds", func(t *testing.T) {
		res, err := http.Get(url + "/rounds/")
		require.NoError(t, err)
		b, _ := io.ReadAll(res.Body)
		res.Body.Close()
		require.Contains(t, string(b), `<li><a href="/rounds/1/">round 1</a> (matched)</li>`)
		require.NotContains(t, string(b), `/rounds/2/`)
	})
}

// TestBuildRefusals: the library's errors, by sentinel.
func TestBuildRefusals(t *testing.T) {
	db, _ := demoRound(t)
	qf(t, db, "round", "create", "--pool", "5")
	qf(t, db, "round", "create", "--mechanism", "cqf", "--param", "sigma=0.001")
	qf(t, db, "match", "--round", "3")
	qf(t, db, "round", "create", "--pool", "5", "--leaf", "allo")
	qf(t, db, "match", "--round", "4")
	st, err := store.Open(db)
	require.NoError(t, err)
	defer st.Close()
	for _, c := range []struct {
		name string
		n    uint64
		is   error
		msg  string
	}{
		{"open", 2, site.ErrNotClosed, "round not closed: round 2 is open"},
		{"cqf", 3, site.ErrUnsupported, "no round page for this round: round 3 is a cqf round (refund leaves)"},
		{"allo", 4, site.ErrUnsupported, "no round page for this round: round 4 pays Allo v2 leaves (claimed through the Allo pool)"},
		{"missing", 7, store.ErrNoRound, "no such round: 7"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := site.Build(st, c.n)
			require.True(t, errors.Is(err, c.is), "%v", err)
			require.EqualError(t, err, c.msg)
		})
	}
	p, err := site.Build(st, 1)
	require.NoError(t, err)
	tree, err := site.Tree(p)
	require.NoError(t, err)
	require.Equal(t, p.Data.Root, tree.Root())
	var back site.Data
	require.NoError(t, json.Unmarshal(p.Files["round.json"], &back))
	require.Equal(t, p.Data.Report.Gaps, back.Report.Gaps)
}

// TestHandlerFollowsStatus: the served page is kept per round, and built
// again once the round's root is posted (status, chain, transaction).
func TestHandlerFollowsStatus(t *testing.T) {
	db, _ := demoRound(t)
	st, err := store.Open(db)
	require.NoError(t, err)
	defer st.Close()
	mux := http.NewServeMux()
	mux.Handle("GET /rounds/", site.Handler(st))
	srv := httptest.NewServer(mux)
	defer srv.Close()
	get := func() site.Data {
		res, err := http.Get(srv.URL + "/rounds/1/round.json")
		require.NoError(t, err)
		defer res.Body.Close()
		require.Equal(t, http.StatusOK, res.StatusCode)
		var d site.Data
		require.NoError(t, json.NewDecoder(res.Body).Decode(&d))
		return d
	}
	before := get()
	require.Equal(t, "matched", before.Status)
	require.Nil(t, before.Chain)
	contract := common.HexToAddress("0x00000000000000000000000000000000000000c0")
	tx := common.HexToHash("0x01")
	require.NoError(t, st.SetSubmitted(1, store.ChainRef{ChainID: 1337, Contract: contract}, tx, 9))
	after := get()
	require.Equal(t, "submitted", after.Status)
	require.Equal(t, &site.Chain{ChainID: 1337, Contract: contract, SubmitTx: tx}, after.Chain)
	require.Equal(t, before.Root, after.Root)
}
