package main

import (
	"go/ast"
	"go/types"
)

// liveMapRange: a range over a map of type t must see the map as the loop reaches
// each key. The spec: an entry removed before the loop reaches it is not produced,
// and a value is the entry's when the loop reaches it. A snapshot of the entries
// (list(m.items())) is exact unless the program deletes from or clears a map of
// this type somewhere (a called function may do it), or the loop's body writes an
// entry of such a map under another key than the loop's.
func (f *fn) liveMapRange(s *ast.RangeStmt, t types.Type) bool {
	m := f.m
	if m.shrunkMaps == nil {
		m.shrunkMaps = []types.Type{}
		for _, file := range m.p.files {
			ast.Inspect(file, func(n ast.Node) bool {
				if c, ok := n.(*ast.CallExpr); ok && len(c.Args) > 0 {
					if name := calleeName(m.p, c); name == "delete" || name == "clear" {
						if at := m.p.info.TypeOf(c.Args[0]); at != nil {
							if _, ok := under(at).(*types.Map); ok {
								m.shrunkMaps = append(m.shrunkMaps, at)
							}
						}
					}
				}
				return true
			})
		}
	}
	for _, shrunk := range m.shrunkMaps {
		if types.Identical(shrunk, t) {
			return true
		}
	}
	if s.Value == nil || isBlank(s.Value) {
		return false
	}
	key, _ := s.Key.(*ast.Ident)
	written := false
	ast.Inspect(s.Body, func(n ast.Node) bool {
		as, ok := n.(*ast.AssignStmt)
		if !ok {
			return !written
		}
		for _, lhs := range as.Lhs {
			ix, ok := ast.Unparen(lhs).(*ast.IndexExpr)
			if !ok || !types.Identical(f.p.info.TypeOf(ix.X), t) {
				continue
			}
			if id, ok := ast.Unparen(ix.Index).(*ast.Ident); ok && key != nil && key.Name != "_" &&
				f.p.info.ObjectOf(id) == f.p.info.ObjectOf(key) {
				continue // the entry the loop stands at: its value was read already
			}
			written = true
		}
		return !written
	})
	return written
}
