//go:build !js

package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"testing"
)

// uploadOK uploads b to h and returns the answer, failing unless it is status.
func uploadOK(t *testing.T, h http.Handler, b []byte, status int) created {
	t.Helper()
	res := upload(h, b)
	var c created
	if err := json.NewDecoder(res.Body).Decode(&c); err != nil || res.StatusCode != status {
		t.Fatalf("upload: %d, %v", res.StatusCode, err)
	}
	return c
}

func deleteReq(h http.Handler, id, auth string) *http.Response {
	hdr := map[string]string{}
	if auth != "" {
		hdr["Authorization"] = auth
	}
	return do(h, "DELETE", "/api/models/"+id, nil, hdr)
}

func TestDelete(t *testing.T) {
	store := newMemStore()
	h := newAPI(store, apiConfig{})
	file, other := modelFile(t, "delete me", 4, 1), modelFile(t, "keep me", 4, 2)
	c := uploadOK(t, h, file, 201)
	kept := uploadOK(t, h, other, 201)
	again := uploadOK(t, h, file, 200) // the second uploader gets no token
	if again.ID != c.ID || again.DeleteToken != "" {
		t.Fatalf("the same file again: %+v", again)
	}

	checkErrorCode(t, "no token", deleteReq(h, c.ID, ""), 403, codeTokenRequired, "Authorization: Bearer")
	checkErrorCode(t, "not Bearer", deleteReq(h, c.ID, "Basic "+c.DeleteToken), 403, codeTokenRequired)
	checkErrorCode(t, "another model's token", deleteReq(h, c.ID, "Bearer "+kept.DeleteToken), 403, codeWrongToken)
	off := c.DeleteToken[:25] + "a"
	if off == c.DeleteToken { // the token's last letter is an a already (1 in 32)
		off = c.DeleteToken[:25] + "b"
	}
	checkErrorCode(t, "a token one letter off", deleteReq(h, c.ID, "Bearer "+off), 403, codeWrongToken)
	checkErrorCode(t, "the id as token", deleteReq(h, c.ID, "Bearer "+c.ID), 403, codeWrongToken)
	checkErrorCode(t, "a bad id", deleteReq(h, "nope", "Bearer "+c.DeleteToken), 400, codeBadID)
	checkErrorCode(t, "an unknown id", deleteReq(h, newID(), "Bearer "+c.DeleteToken), 404, codeNoModel)
	if store.count() != 2 {
		t.Fatalf("a refused delete deleted: %d models", store.count())
	}

	res := deleteReq(h, c.ID, "Bearer "+c.DeleteToken)
	checkAPIHeaders(t, "DELETE", res)
	if b, _ := io.ReadAll(res.Body); res.StatusCode != 204 || len(b) != 0 {
		t.Fatalf("DELETE with the token: %d %s", res.StatusCode, b)
	}
	checkErrorCode(t, "GET after DELETE", do(h, "GET", "/api/models/"+c.ID, nil, nil), 404, codeNoModel)
	// A browser that kept the deleted model asks again (no-cache) and is
	// told it is gone, not that its copy is still good.
	checkErrorCode(t, "a cached copy revalidated after DELETE", do(h, "GET", "/api/models/"+c.ID, nil, map[string]string{"If-None-Match": `"` + c.ID + `"`}), 404, codeNoModel)
	checkErrorCode(t, "DELETE again", deleteReq(h, c.ID, "Bearer "+c.DeleteToken), 404, codeNoModel)
	if got := must(io.ReadAll(do(h, "GET", "/api/models/"+kept.ID, nil, nil).Body)); !bytes.Equal(got, other) {
		t.Error("the other model changed")
	}
	// Uploaded again after its deletion, the file is a new model.
	if c2 := uploadOK(t, h, file, 201); c2.ID == c.ID || c2.DeleteToken == "" || c2.DeleteToken == c.DeleteToken {
		t.Errorf("upload after delete: %+v", c2)
	}

	// A model stored before delete tokens (no owner) cannot be deleted.
	old := newID()
	if _, err := store.Put(context.Background(), old, modelFile(t, "old", 4, 3), modelMeta{SHA256: [32]byte{1}}); err != nil {
		t.Fatal(err)
	}
	checkErrorCode(t, "a model without owner", deleteReq(h, old, "Bearer "+c.DeleteToken), 403, codeNotDeletable)
}

// TestStorageFull fills a disk store with a small limit: an upload past it
// gets 507 and stores nothing; every acknowledged model stays; an identical
// upload still gets its id; a deletion makes room.
func TestStorageFull(t *testing.T) {
	store, err := openDiskStore(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	pool := modelPool(t, 10)
	store.maxBytes = int64(len(pool[0]) + len(pool[1]) + len(pool[2]))
	h := newAPI(store, apiConfig{})
	var acked []created
	for _, b := range pool[:3] {
		acked = append(acked, uploadOK(t, h, b, 201))
	}
	for _, b := range pool[3:] {
		checkErrorCode(t, "past the limit", upload(h, b), 507, codeStorageFull, "storage is full", "Save the model as a file")
	}
	if got := store.usedBytes(); got != store.maxBytes {
		t.Errorf("used %d bytes, want %d", got, store.maxBytes)
	}
	if c := uploadOK(t, h, pool[1], 200); c.ID != acked[1].ID {
		t.Errorf("an identical upload to a full store: %+v", c)
	}
	for i, c := range acked {
		if got := must(io.ReadAll(do(h, "GET", "/api/models/"+c.ID, nil, nil).Body)); !bytes.Equal(got, pool[i]) {
			t.Errorf("acknowledged model %d lost", i)
		}
	}
	if res := deleteReq(h, acked[2].ID, "Bearer "+acked[2].DeleteToken); res.StatusCode != 204 {
		t.Fatalf("delete: %d", res.StatusCode)
	}
	checkErrorCode(t, "still full", upload(h, pool[9]), 507, codeStorageFull)
	uploadOK(t, h, pool[2], 201) // fits in the room made
}
