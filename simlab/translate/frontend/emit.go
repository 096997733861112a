package main

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"unicode"
)

// module writes the Python module of a package.
type module struct {
	p               *program
	a               *analysis
	reading         map[*unit]bool              // the functions readArgs is asking of now (it recurses)
	ranged          map[ast.Expr]*ast.RangeStmt // each range statement's operand: see writtenWhileRanging
	clashing        map[string]bool             // method names of more than one signature: see clashingMethods
	addressed       map[types.Object]bool       // struct variables whose address the program takes
	out             []string
	reserved        map[string]bool                          // module-level Python names
	globals         map[types.Object]string                  // package-level variables, constants, functions
	closed          map[string]bool                          // element types of channels the program closes
	closedAny       bool                                     // and one of a type parameter's, which may be any
	types           map[*types.TypeName]bool                 // struct types that have a class
	copied          map[*types.TypeName]bool                 // struct types go.copy copies
	keyed           map[*types.TypeName]bool                 // struct types a map is keyed by: equal by value
	slotsAt         map[*types.TypeName]int                  // the line of each class's __slots__, in out
	anonCopied      map[*types.Struct]bool                   // anonymous struct types go.copy copies
	anonKeyed       []*types.Struct                          // anonymous struct types a map is keyed by
	fieldCopiers    map[*types.Var]string                    // array fields whose elements go.copy copies in turn
	anonSlotsAt     map[*types.Struct]int                    // the line of their classes' __slots__
	writes          map[string]bool                          // types written through a pointer (see ptrWrites)
	tparamWrites    []types.Type                             // those that hold a type parameter: *[]T, *map[K]V
	anon            map[*types.Struct]string                 // the classes of fields' anonymous struct types
	literals        []literalStruct                          // the anonymous struct types literals make
	boxed           map[types.Object]bool                    // local variables that live in a go.Ref (see findBoxed)
	wrapped         map[*types.TypeName]bool                 // named channel types with methods: go.Named classes
	basics          map[*types.TypeName]bool                 // named string and number types, classes too
	namedBasicArgs  *bool                                    // a named number or string type of the program is a type argument: see paramWrap
	values          map[*types.TypeName]bool                 // named slice, map and func types with methods: go.NamedValue classes
	nilSlices       bool                                     // the program compares a slice with nil: see nilOf
	capacities      bool                                     // the program asks cap of a slice: see findCapacities
	shrunkMaps      []types.Type                             // map types the program deletes from or clears: see liveMapRange
	stackAppends    map[*ast.CallExpr]int64                  // appends Go may give a stack buffer: see findStackAppends
	owned           map[types.Object]bool                    // slices x = append(x, v) may grow in place: see findOwnedSlices
	iterVars        map[*ast.ForStmt][]types.Object          // for i := ... variables boxed per iteration: see findBoxed
	rangeRefs       map[types.Object]bool                    // range variables boxed per iteration: see findBoxed
	localGeneric    map[*types.TypeName]*types.TypeParamList // types declared in generic functions, using their parameters
	nonNeg          map[types.Object]bool                    // variables that cannot be negative: see counters
	loopVars        map[types.Object]bool                    // for loops' own variables: see sharedLoopVar
	goSyntax        int                                      // the program uses %#v: 1, or not: -1 (0: not yet known; see usesGoSyntax)
	through         map[*ast.SliceExpr]bool                  // sub-slices a call writes through: see findThroughArgs
	throughGrown    map[*ast.SliceExpr]int                   // of them, those a call appends to: its result's index
	boundWriters    map[types.Object]string                  // put := binary.BigEndian.PutUint32: see boundWriter
	writerValues    []writerValue                            // the library's writers taken as values elsewhere
	readerValues    []*types.Signature                       // the types of encoding/binary's decoders taken as values
	otherFuncValues []*types.Signature                       // the types of the program's other function values
	forkJoin        map[*unit]bool                           // functions that wait for goroutines of their own: see forkJoins
	backings        map[types.Object]*ast.SliceExpr          // kept := hs[:0], appended to in hs's array: see findBackings
	paramViews      map[*ast.SliceExpr]bool                  // p = p[:n] of a parameter, then written: go.param_view
	arrayViews      map[*ast.SliceExpr]bool                  // arr[:] of a local array, then written: the array's own list
	syntaxFields    map[*types.TypeName][2]string            // the fields %#v prints of a struct type, or why not: see goSyntaxFields
	nilConv         []ast.Node                               // where a nil pointer may become a nil interface: see nilToInterface
	unicode         map[string]bool                          // the unicode range tables the program names: see unicodeTables
	jsonStructs     map[string]bool                          // the classes of the struct types a json descriptor names: see jsonFields
	jsonAt          []jsonPending                            // the same, in the order named
	jsonUsed        bool                                     // the program calls encoding/json
	jsonClass       *types.TypeName                          // the generic struct type whose go_json is being written
	jsonOpen        map[*types.Named]bool                    // the named types jsonDesc is describing now (it recurses)
}

var pyReserved = strings.Fields(`False None True and as assert async await break class continue
def del elif else except finally for from global if import in is lambda nonlocal not or pass
raise return try while with yield print len range list str int float min max chr enumerate
sl rt go bind l O I`) // and the names PEP 8 finds ambiguous

func translate(p *program) string {
	a := p.analyze()
	m := &module{p: p, a: a, reserved: map[string]bool{}, globals: map[types.Object]string{},
		closed: map[string]bool{}, types: map[*types.TypeName]bool{}, basics: map[*types.TypeName]bool{},
		copied: map[*types.TypeName]bool{}, keyed: map[*types.TypeName]bool{}, slotsAt: map[*types.TypeName]int{}, anon: map[*types.Struct]string{},
		anonCopied: map[*types.Struct]bool{}, fieldCopiers: map[*types.Var]string{}, anonSlotsAt: map[*types.Struct]int{},
		boxed: map[types.Object]bool{}, wrapped: map[*types.TypeName]bool{}, values: map[*types.TypeName]bool{},
		iterVars: map[*ast.ForStmt][]types.Object{}, rangeRefs: map[types.Object]bool{},
		localGeneric: map[*types.TypeName]*types.TypeParamList{}}
	for _, w := range pyReserved {
		m.reserved[w] = true
	}
	m.scanCloses()
	m.refuseComplex()
	m.findStructKeys()
	m.refuseSharedSubslices()
	m.findBoxed()
	m.findNilSlices()
	m.findCapacities()
	m.findAddressed()
	m.findOwnedSlices()
	// every package-level name keeps its Go name (a Python keyword gets a _); an
	// imported package's names are qualified by it, worker.Start as worker_Start
	qualified := map[string]bool{}
	for _, pkg := range p.packages() {
		prefix := ""
		if pkg != p.pkg {
			prefix = pkg.Name() + "_"
			for i := 2; qualified[prefix]; i++ {
				prefix = fmt.Sprintf("%s%d_", pkg.Name(), i)
			}
			qualified[prefix] = true
		}
		scope := pkg.Scope()
		for _, name := range scope.Names() {
			py := prefix + name
			if m.reserved[py] {
				py += "_"
			}
			m.globals[scope.Lookup(name)] = py
		}
	}
	for _, py := range m.globals {
		m.reserved[py] = true
	}
	m.localTypeNames()
	m.header()
	m.findBasics()
	m.structTypes()
	m.literals = m.nameLiteralStructs() // before any method: a named number's may make one
	m.basicClasses()                    // before the constants, which may be of these types
	m.consts()
	m.classes()
	m.goSyntaxClasses()
	m.functions()
	m.examples()
	m.tests()
	m.bind()
	// after bind, whose initializers of package-level variables (a func literal
	// that calls json.Unmarshal) may name structs and tables too
	m.jsonFields()
	m.unicodeTables()
	m.valueFields()
	return strings.Join(m.out, "\n") + "\n"
}

// valueFields: a class whose values are copied names its fields that hold struct
// values, which go.copy copies in turn (the rest it shares: pointers, channels...).
func (m *module) valueFields() {
	var at []int
	lines := map[int]string{}
	structs := map[*types.Struct]int{} // each copied struct type, and its __slots__ line
	for tn := range m.copied {
		if i, ok := m.slotsAt[tn]; ok {
			structs[tn.Type().Underlying().(*types.Struct)] = i
		}
	}
	for st := range m.anonCopied {
		if i, ok := m.anonSlotsAt[st]; ok {
			structs[st] = i
		}
	}
	for st, i := range structs {
		var names, locks, arrays, ifaces, pointers, ifaceArrays []string
		for i := 0; i < st.NumFields(); i++ {
			if st.Field(i).Name() == "_" {
				continue // a blank field, which the class does not keep
			}
			if e := arrayElem(st.Field(i).Type()); e != nil && isPointer(e) {
				pointers = append(pointers, fieldName(st.Field(i).Name())) // [4]*Item: by address
			} else if e != nil && types.IsInterface(e) {
				ifaceArrays = append(ifaceArrays, fieldName(st.Field(i).Name())) // [2]Shape: as interfaces compare
			}
			if types.IsInterface(st.Field(i).Type()) {
				ifaces = append(ifaces, fieldName(st.Field(i).Name()))
			}
			_, isArray := under(st.Field(i).Type()).(*types.Array)
			if copiedLock(st.Field(i).Type()) {
				locks = append(locks, fieldName(st.Field(i).Name()))
			} else if m.isStructValue(st.Field(i).Type()) || isArray {
				names = append(names, fieldName(st.Field(i).Name()))
			}
			if c, ok := m.fieldCopiers[st.Field(i)]; ok {
				arrays = append(arrays, pyString(fieldName(st.Field(i).Name()))+": "+c)
			}
		}
		var text []string
		if len(names) > 0 {
			text = append(text, fmt.Sprintf("    go_values = %s  # struct values, copied with it", pyTuple(names)))
		}
		if len(arrays) > 0 {
			text = append(text, "    go_arrays = {"+strings.Join(arrays, ", ")+"}  # their elements copied too")
		}
		if len(ifaces) > 0 {
			text = append(text, fmt.Sprintf("    go_ifaces = %s  # interface values, compared as Go compares them", pyTuple(ifaces)))
		}
		if len(pointers) > 0 {
			text = append(text, fmt.Sprintf("    go_pointer_arrays = %s  # arrays of pointers, compared by address", pyTuple(pointers)))
		}
		if len(ifaceArrays) > 0 {
			text = append(text, fmt.Sprintf("    go_iface_arrays = %s  # arrays of interface values, compared as Go compares them", pyTuple(ifaceArrays)))
		}
		if len(locks) > 0 {
			text = append(text, fmt.Sprintf("    go_locks = %s  # copied with their state, as Go copies them", pyTuple(locks)))
		}
		if len(text) == 0 {
			continue
		}
		lines[i] = strings.Join(text, "\n")
		at = append(at, i)
	}
	// splice from the last line up, so that the earlier indexes stay right
	for i := 1; i < len(at); i++ {
		for j := i; j > 0 && at[j] > at[j-1]; j-- {
			at[j], at[j-1] = at[j-1], at[j]
		}
	}
	for _, i := range at {
		m.out = append(m.out[:i+1], append([]string{lines[i]}, m.out[i+1:]...)...)
	}
}

// arrayElem: the elements of the array type t, through arrays of arrays
// ([2][2]*int: *int); nil for a type that is no array.
func arrayElem(t types.Type) types.Type {
	a, ok := under(t).(*types.Array)
	if !ok {
		return nil
	}
	if inner := arrayElem(a.Elem()); inner != nil {
		return inner
	}
	return a.Elem()
}

// findBoxed: the local variables that live in a go.Ref, read and written as
// x.v: one declared in a loop body that a closure captures and something
// assigns again (each iteration has its own variable, shared with the closures
// made in it), and one whose address is taken (&x is the Ref) when a copy of
// its value would not do (it is assigned again, or written through a pointer).
// Only variables declared by var or := (and parameters, for &x) are boxed; the
// others stay refused.
// sharedLoopVar: v is a for loop's own variable (for i := ..., for k, v := range)
// in a program whose language version is before Go 1.22, where the loop has one
// for all its iterations, which a closure shares: Python's own closures.
func (m *module) sharedLoopVar(v types.Object) bool {
	if !m.p.sharedLoopVars() {
		return false
	}
	if m.loopVars == nil {
		m.loopVars = map[types.Object]bool{}
		for _, file := range m.p.files {
			ast.Inspect(file, func(n ast.Node) bool {
				var ids []ast.Expr
				switch n := n.(type) {
				case *ast.ForStmt:
					if as, ok := n.Init.(*ast.AssignStmt); ok && as.Tok == token.DEFINE {
						ids = as.Lhs
					}
				case *ast.RangeStmt:
					if n.Tok == token.DEFINE {
						ids = []ast.Expr{n.Key, n.Value}
					}
				}
				for _, e := range ids {
					if id, ok := e.(*ast.Ident); ok && m.p.info.Defs[id] != nil {
						m.loopVars[m.p.info.Defs[id]] = true
					}
				}
				return true
			})
		}
	}
	return m.loopVars[v]
}

func (m *module) findBoxed() {
	p, a := m.p, m.a
	simple := map[types.Object]bool{} // declared by var x / x := ..., or a parameter
	forInit := map[ast.Stmt]bool{}    // but for i := ...; (one variable per iteration)
	for _, file := range p.files {
		ast.Inspect(file, func(n ast.Node) bool {
			if fs, ok := n.(*ast.ForStmt); ok && fs.Init != nil {
				forInit[fs.Init] = true
			}
			return true
		})
	}
	for _, file := range p.files {
		ast.Inspect(file, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.DeclStmt:
				if gd, ok := n.Decl.(*ast.GenDecl); ok && gd.Tok == token.VAR {
					for _, spec := range gd.Specs {
						for _, id := range spec.(*ast.ValueSpec).Names {
							if obj := p.info.Defs[id]; obj != nil {
								simple[obj] = true
							}
						}
					}
				}
			case *ast.AssignStmt:
				if n.Tok == token.DEFINE && !forInit[n] {
					for _, l := range n.Lhs {
						if obj := p.info.Defs[l.(*ast.Ident)]; obj != nil {
							simple[obj] = true
						}
					}
				}
			}
			return true
		})
	}
	// &x given to a library function that writes x through it: the first argument of
	// sync/atomic's functions, the target of errors.As and binary.Read, the operands
	// of fmt.Sscan and its kin
	writtenThrough := map[*ast.UnaryExpr]bool{}
	for _, file := range p.files {
		ast.Inspect(file, func(n ast.Node) bool {
			c, ok := n.(*ast.CallExpr)
			if !ok || len(c.Args) == 0 {
				return true
			}
			sel, ok := ast.Unparen(c.Fun).(*ast.SelectorExpr)
			if !ok {
				return true
			}
			fn, ok := p.info.Uses[sel.Sel].(*types.Func)
			if !ok || fn.Pkg() == nil {
				return true
			}
			var targets []ast.Expr
			switch {
			case fn.Pkg().Path() == "sync/atomic":
				targets = c.Args[:1]
			case fn.Pkg().Path() == "errors" && fn.Name() == "As" && len(c.Args) == 2:
				targets = c.Args[1:]
			case fn.Pkg().Path() == "encoding/binary" && fn.Name() == "Read" && len(c.Args) == 3:
				targets = c.Args[2:]
			case fn.Pkg().Path() == "encoding/json" && fn.Name() == "Unmarshal" && len(c.Args) == 2:
				targets = c.Args[1:]
			case fn.Pkg().Path() == "encoding/json" && fn.Name() == "Decode":
				targets = c.Args
			case fn.Pkg().Path() == "fmt" && (fn.Name() == "Sscan" || fn.Name() == "Sscanln" ||
				fn.Name() == "Fscan" || fn.Name() == "Fscanln"):
				targets = c.Args[1:]
			case fn.Pkg().Path() == "fmt" && (fn.Name() == "Sscanf" || fn.Name() == "Fscanf") && len(c.Args) > 1:
				targets = c.Args[2:]
			}
			for _, target := range targets {
				if x, ok := ast.Unparen(target).(*ast.UnaryExpr); ok && x.Op == token.AND {
					writtenThrough[x] = true
				}
			}
			return true
		})
	}
	for e := range p.jsonTargets { // decode(raw, &names) of a function that decodes JSON into it
		if x, ok := ast.Unparen(e).(*ast.UnaryExpr); ok && x.Op == token.AND {
			writtenThrough[x] = true
		}
	}
	// a for i := ... variable a closure captures and the loop's body assigns: a
	// go.Ref per iteration, each a copy of the last's (Go 1.22), so that the
	// closure sees its iteration's changes
	forOf := map[types.Object]*ast.ForStmt{}
	initOf := map[types.Object]*ast.ForStmt{} // every for i := ... variable
	rangeOf := map[types.Object]bool{}
	rangeVar := map[types.Object]bool{} // every variable of such a range
	assignedIn := func(body ast.Node, v types.Object) bool {
		found := false
		ast.Inspect(body, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.AssignStmt:
				for _, l := range n.Lhs {
					if id, ok := ast.Unparen(l).(*ast.Ident); ok && p.info.Uses[id] == v {
						found = true
					}
				}
			case *ast.IncDecStmt:
				if id, ok := ast.Unparen(n.X).(*ast.Ident); ok && p.info.Uses[id] == v {
					found = true
				}
			}
			return !found
		})
		return found
	}
	for _, file := range p.files {
		ast.Inspect(file, func(n ast.Node) bool {
			if fs, ok := n.(*ast.ForStmt); ok {
				if as, ok := fs.Init.(*ast.AssignStmt); ok && as.Tok == token.DEFINE {
					for _, l := range as.Lhs {
						if obj := p.info.Defs[l.(*ast.Ident)]; obj != nil {
							initOf[obj] = fs
							if assignedIn(fs.Body, obj) {
								forOf[obj] = fs
							}
						}
					}
				}
			}
			if rs, ok := n.(*ast.RangeStmt); ok && rs.Tok == token.DEFINE {
				switch under(p.info.TypeOf(rs.X)).(type) {
				case *types.Slice, *types.Array, *types.Map, *types.Signature: // whose body rangeBody writes
					for _, e := range []ast.Expr{rs.Key, rs.Value} {
						if id, ok := e.(*ast.Ident); ok && p.info.Defs[id] != nil {
							rangeVar[p.info.Defs[id]] = true
							rangeOf[p.info.Defs[id]] = assignedIn(rs.Body, p.info.Defs[id])
						}
					}
				}
			}
			return true
		})
	}
	for _, u := range a.units {
		if u.lit == nil {
			continue
		}
		for _, v := range u.free {
			if a.declUnit[v] == u.parent && a.loopOf[v] != nil && a.assigns[v] > 0 && simple[v] {
				m.boxed[v] = true
			}
			if m.sharedLoopVar(v) {
				continue // one variable for the whole loop (before Go 1.22), the closure's too
			}
			if fs := forOf[v]; fs != nil && a.declUnit[v] == u.parent && !m.boxed[v] {
				m.boxed[v] = true
				m.iterVars[fs] = append(m.iterVars[fs], v)
			}
			if rangeOf[v] && a.declUnit[v] == u.parent {
				m.boxed[v], m.rangeRefs[v] = true, true // a go.Ref made at each iteration's start
			}
		}
	}
	addressed := map[*types.Var]int{} // the &x of each variable so far
	for _, file := range p.files {
		ast.Inspect(file, func(n ast.Node) bool {
			if sel, ok := n.(*ast.SelectorExpr); ok {
				// st.push(1) of a pointer method on a named slice or number: &st, implicitly
				if s := p.info.Selections[sel]; s != nil && s.Kind() == types.MethodVal &&
					(p.isNamedValue(s.Recv()) || p.namedBasic(s.Recv()) || isNamed(s.Recv(), "log/slog", "Level")) {
					if _, ptrMethod := s.Obj().Type().(*types.Signature).Recv().Type().(*types.Pointer); ptrMethod {
						if id, ok := ast.Unparen(sel.X).(*ast.Ident); ok {
							if v, ok := p.info.Uses[id].(*types.Var); ok && !p.packageLevel(v) && a.declUnit[v] != nil &&
								(simple[v] || isParam(a.declUnit[v], v) || isResult(a.declUnit[v].sig, v)) {
								m.boxed[v] = true
							}
						}
					}
				}
				return true
			}
			x, ok := n.(*ast.UnaryExpr)
			if !ok || x.Op != token.AND {
				return true
			}
			id, ok := ast.Unparen(x.X).(*ast.Ident)
			if !ok {
				return true
			}
			v, ok := p.info.Uses[id].(*types.Var)
			if !ok || p.packageLevel(v) || a.declUnit[v] == nil {
				return true
			}
			if _, isStruct := under(v.Type()).(*types.Struct); isStruct {
				return true
			}
			if fs := initOf[v]; fs != nil && !m.sharedLoopVar(v) && !m.boxed[v] {
				// &i of a for i := ... variable: a go.Ref per iteration, each a copy of
				// the last's (Go 1.22), which the post statement then changes
				m.boxed[v] = true
				m.iterVars[fs] = append(m.iterVars[fs], v)
			}
			addressed[v]++ // &x twice: one pointer, as Go's (p == q, a map key)
			// (of a type parameter's type, the writes through *int or *string pointers
			// the instances make are not found by its type: it lives in a pointer)
			if a.assigns[v] > 0 || writtenThrough[x] || m.writtenThrough(v.Type()) || addressed[v] > 1 || isTypeParam(v.Type()) {
				if simple[v] || isParam(a.declUnit[v], v) || isResult(a.declUnit[v].sig, v) {
					m.boxed[v] = true
				}
				if rangeVar[v] && !m.sharedLoopVar(v) && !m.boxed[v] && !isTypeParam(v.Type()) {
					// m[k] = &v of a range variable written through the pointer: a
					// go.Ref made at each iteration's start (Go 1.22)
					m.boxed[v], m.rangeRefs[v] = true, true
				}
			}
			return true
		})
	}
}

// isParam: v is a parameter of u.
func isParam(u *unit, v *types.Var) bool {
	if u.sig == nil {
		return false
	}
	params := u.sig.Params()
	for i := 0; i < params.Len(); i++ {
		if params.At(i) == v {
			return true
		}
	}
	return false
}

func (m *module) emit(format string, args ...any) {
	m.out = append(m.out, fmt.Sprintf(format, args...))
}

// outputComment matches the comment that ends an example: // Output: or
// // Unordered output:, as go test reads it.
var outputComment = regexp.MustCompile(`(?is)^[[:space:]]*(unordered )?output:(.*)$`)

// examples: each Example function with an output comment, and what it documents,
// as go_examples; go-run runs them after a test file's tests, as go test -v does.
func (m *module) examples() {
	var rows []string
	m.testFileFuncs(func(f *ast.File, fd *ast.FuncDecl) {
		if !strings.HasPrefix(fd.Name.Name, "Example") || fd.Type.Params.NumFields() > 0 {
			return
		}
		var last *ast.CommentGroup
		for _, cg := range f.Comments {
			if fd.Body.Pos() < cg.Pos() && cg.End() < fd.Body.End() {
				last = cg
			}
		}
		if last == nil {
			return
		}
		if match := outputComment.FindStringSubmatch(last.Text()); match != nil {
			// as go test reads it: spaces and then one newline dropped, the rest kept
			want := strings.TrimLeft(match[2], " ")
			want = strings.TrimPrefix(want, "\n")
			rows = append(rows, fmt.Sprintf("    %q: (%s, %s),", fd.Name.Name, pyString(want), map[bool]string{true: "True", false: "False"}[match[1] != ""]))
		}
	})
	m.table("go_examples = {  # each Example's documented output, and whether its lines may come in any order", rows, "}")
}

// tests: go_tests, the program's TestXxx(t *testing.T) functions in the order go
// test runs them: those of the package's own test files, then of its external test
// package, each in file order.
func (m *module) tests() {
	var rows []string
	m.testFileFuncs(func(_ *ast.File, fd *ast.FuncDecl) {
		if isTestName(fd.Name.Name) && fd.Type.Params.NumFields() == 1 &&
			isNamed(m.p.info.TypeOf(fd.Type.Params.List[0].Type), "testing", "T") {
			rows = append(rows, fmt.Sprintf("    (%q, %s),", fd.Name.Name, m.globals[m.p.info.Defs[fd.Name]]))
		}
	})
	if len(rows) == 0 && m.hasTestFiles() {
		m.emit("")
		m.emit("")
		m.emit("go_tests: list = []  # a test binary with no TestXxx: go test warns there are none")
	}
	m.table("go_tests = [  # each test's name and function, in the order go test runs them", rows, "]")
	rows = nil
	m.testFileFuncs(func(_ *ast.File, fd *ast.FuncDecl) {
		if hasTestPrefix(fd.Name.Name, "Fuzz") && fd.Type.Params.NumFields() == 1 &&
			isNamed(m.p.info.TypeOf(fd.Type.Params.List[0].Type), "testing", "F") {
			dir := filepath.Dir(m.p.fset.Position(fd.Pos()).Filename)
			if _, err := os.Stat(filepath.Join(dir, "testdata", "fuzz", fd.Name.Name)); err == nil {
				m.p.unsupported(fd, "a fuzz target's corpus in testdata/fuzz", "its f.Add inputs")
			}
			rows = append(rows, fmt.Sprintf("    (%q, %s),", fd.Name.Name, m.globals[m.p.info.Defs[fd.Name]]))
		}
	})
	m.table("go_fuzz_targets = [  # run with their seed corpus after the tests, as go test runs them", rows, "]")
	m.testFileFuncs(func(_ *ast.File, fd *ast.FuncDecl) {
		if fd.Name.Name == "TestMain" && fd.Type.Params.NumFields() == 1 &&
			isNamed(m.p.info.TypeOf(fd.Type.Params.List[0].Type), "testing", "M") {
			m.emit("go_test_main = %s  # go test calls it, and its m.Run() runs the tests", m.globals[m.p.info.Defs[fd.Name]])
		}
	})
}

// hasTestFiles: the package has _test.go files, so that go test builds a test
// binary of it, tests or none.
func (m *module) hasTestFiles() bool {
	for _, name := range m.p.names {
		if strings.HasSuffix(name, "_test.go") {
			return true
		}
	}
	return false
}

// testFileFuncs calls visit for each function (not method) of the _test.go files.
func (m *module) testFileFuncs(visit func(f *ast.File, fd *ast.FuncDecl)) {
	for i, f := range m.p.files {
		if !strings.HasSuffix(m.p.names[i], "_test.go") {
			continue
		}
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && fd.Recv == nil {
				visit(f, fd)
			}
		}
	}
}

// table writes a module-level table of rows (nothing without rows).
func (m *module) table(head string, rows []string, end string) {
	if len(rows) == 0 {
		return
	}
	m.emit("")
	m.emit("")
	m.emit("%s", head)
	m.out = append(m.out, rows...)
	m.emit("%s", end)
}

// isTestName: TestXxx, Xxx not starting with a lower-case letter, as go test reads it.
func isTestName(name string) bool { return hasTestPrefix(name, "Test") }

// hasTestPrefix: name is prefix followed by nothing or by a character that is not
// a lower-case letter, as go test finds its tests, benchmarks and fuzz targets.
func hasTestPrefix(name, prefix string) bool {
	rest, ok := strings.CutPrefix(name, prefix)
	return ok && (rest == "" || !unicode.IsLower([]rune(rest)[0]))
}

// mayBeClosed: a channel of elem may be closed, so a receive must give the zero
// value when it is: the program closes one of this element type, or a generic
// function closes a channel of its type parameter (any type), or elem is one.
func (m *module) mayBeClosed(elem types.Type) bool {
	_, generic := elem.(*types.TypeParam)
	return generic || m.closedAny || m.closed[types.TypeString(elem, nil)]
}

// findStructKeys: Go compares map keys by value, and a struct value of the program
// is a Python object, equal only to itself. The class of a struct type a map is
// keyed by (and of the struct values in its fields) compares and hashes by value
// (keyed), and so does one passed to a comparable type parameter; a map keyed by a
// pointer to such a type, which needs identity, is refused.
func (m *module) findStructKeys() {
	p := m.p
	var mark func(t types.Type, at ast.Expr)
	mark = func(t types.Type, at ast.Expr) {
		if isNamed(t, "unique", "Handle") {
			return // golib's Handle compares and hashes by its value
		}
		if st, ok := types.Unalias(t).(*types.Struct); ok {
			// map[struct{ SKU string }]int: the literal's class compares by value too
			for i := 0; i < st.NumFields(); i++ {
				if _, isStruct := under(st.Field(i).Type()).(*types.Struct); isStruct {
					p.unsupported(at, "a map keyed by an anonymous struct holding a struct value ("+st.Field(i).Name()+")", "a named struct type of the program")
				}
			}
			m.anonKeyed = append(m.anonKeyed, st)
			return
		}
		n, ok := types.Unalias(t).(*types.Named) // type Edge = Pair[string, string] too
		if !ok || !p.ours(n.Obj().Pkg()) {
			p.unsupported(at, "a map keyed by a struct value of a library type", "a struct type of the program, or a key of a basic type")
		}
		for i := 0; i < n.TypeArgs().Len(); i++ {
			// map[pair[Point]]bool: the instance's class compares its fields, a
			// struct-valued one by value in turn
			if _, isStruct := under(n.TypeArgs().At(i)).(*types.Struct); isStruct && !isTime(n.TypeArgs().At(i)) {
				mark(n.TypeArgs().At(i), at)
			}
		}
		if m.keyed[n.Origin().Obj()] {
			return
		}
		m.keyed[n.Origin().Obj()] = true
		m.copied[n.Origin().Obj()] = true // its class names its struct-valued fields: go_values
		st := n.Underlying().(*types.Struct)
		for i := 0; i < st.NumFields(); i++ {
			if ft := arrayElemOf(st.Field(i).Type()); isStructType(ft) && !isTime(ft) {
				mark(ft, at) // a field of type P or [2]P
			}
		}
	}
	// a struct type argument of a comparable type parameter: the generic may
	// compare its values with == or key a map by them (Uniq[T comparable])
	var ids []*ast.Ident
	for id := range p.info.Instances {
		ids = append(ids, id)
	}
	sort.Slice(ids, func(i, j int) bool { return ids[i].Pos() < ids[j].Pos() })
	for _, id := range ids {
		params := instanceParams(p, id)
		args := p.info.Instances[id].TypeArgs
		for i := 0; params != nil && i < params.Len() && i < args.Len(); i++ {
			_, isStruct := under(args.At(i)).(*types.Struct)
			if iface, ok := params.At(i).Constraint().Underlying().(*types.Interface); ok && isStruct && iface.IsComparable() {
				mark(args.At(i), id)
			}
		}
	}
	var maps []ast.Expr // in source order, so that a refusal names the first
	for e, tv := range p.info.Types {
		if _, ok := under(tv.Type).(*types.Map); ok {
			maps = append(maps, e)
		}
	}
	sort.Slice(maps, func(i, j int) bool { return maps[i].Pos() < maps[j].Pos() })
	var pointerKeys []ast.Expr
	for _, e := range maps {
		mt := under(p.info.TypeOf(e)).(*types.Map)
		if k := arrayElemOf(mt.Key()); isStructType(k) && !isTime(k) {
			mark(k, e) // map[P]V or map[[2]P]V (a time is a number here, which hashes by value)
		}
		if ptr, ok := mt.Key().(*types.Pointer); ok {
			if _, isStruct := under(ptr.Elem()).(*types.Struct); isStruct {
				pointerKeys = append(pointerKeys, e)
			}
		}
	}
	m.findArrayKeys()
	for _, e := range pointerKeys {
		ptr := under(p.info.TypeOf(e)).(*types.Map).Key().(*types.Pointer)
		if n, ok := ptr.Elem().(*types.Named); ok && m.keyed[n.Obj()] {
			p.unsupported(e, "a map keyed by *"+n.Obj().Name()+" where another is keyed by "+n.Obj().Name()+" values", "one kind of key for the type")
		}
	}
}

// arrayElemOf: the innermost element type of t if t is an array type ([2][3]P: P),
// else t.
func arrayElemOf(t types.Type) types.Type {
	for {
		a, ok := under(t).(*types.Array)
		if !ok {
			return t
		}
		t = a.Elem()
	}
}

// findArrayKeys records the keys of maps keyed by an array (an index, delete's, a
// literal's), which go.array_key makes a list that hashes: the map's key, which
// ranging over the map gives back.
func (m *module) findArrayKeys() {
	p := m.p
	p.arrayKeys = map[ast.Expr]bool{}
	p.paramKeys = map[ast.Expr]bool{}
	p.floatKeys = map[ast.Expr]bool{}
	p.structKeys = map[ast.Expr]bool{}
	// m[k] = v of a struct variable k: the map keeps a copy, which a later k.X = 5
	// does not change (a literal or a call's result is a fresh value already)
	writtenAt := func(target ast.Expr) {
		ix, ok := ast.Unparen(target).(*ast.IndexExpr)
		if !ok {
			return
		}
		mt, ok := under(p.info.TypeOf(ix.X)).(*types.Map)
		if !ok || !m.isStructValue(mt.Key()) {
			return
		}
		switch ast.Unparen(ix.Index).(type) {
		case *ast.CompositeLit, *ast.CallExpr:
			return
		}
		p.structKeys[ix.Index] = true
	}
	arrayKeyed := func(e ast.Expr) bool {
		mt, ok := under(p.info.TypeOf(e)).(*types.Map)
		if !ok {
			return false
		}
		_, isArray := under(mt.Key()).(*types.Array)
		return isArray
	}
	// a key in a generic of a map keyed by a type parameter, which may be a map made
	// outside it (map[[2]int]int given a Cache[K, V]): go.param_key, an array as
	// go.array_key makes it
	paramKeyed := func(e ast.Expr) bool {
		mt, ok := under(p.info.TypeOf(e)).(*types.Map)
		return ok && isTypeParam(mt.Key())
	}
	// a float key that may be NaN (not a constant): go.float_key, a NaN of its own
	floatKeyed := func(e, key ast.Expr) bool {
		mt, ok := under(p.info.TypeOf(e)).(*types.Map)
		if !ok {
			return false
		}
		b, isBasic := under(mt.Key()).(*types.Basic)
		return isBasic && b.Info()&types.IsFloat != 0 && p.info.Types[key].Value == nil
	}
	for _, file := range p.files {
		ast.Inspect(file, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.AssignStmt:
				if n.Tok != token.DEFINE {
					for _, l := range n.Lhs {
						writtenAt(l)
					}
				}
			case *ast.IncDecStmt:
				writtenAt(n.X)
			case *ast.IndexExpr:
				if arrayKeyed(n.X) {
					p.arrayKeys[n.Index] = true
				}
				if paramKeyed(n.X) {
					p.paramKeys[n.Index] = true
				}
				if floatKeyed(n.X, n.Index) {
					p.floatKeys[n.Index] = true
				}
			case *ast.CallExpr:
				if calleeName(p, n) == "delete" && len(n.Args) == 2 && arrayKeyed(n.Args[0]) {
					p.arrayKeys[n.Args[1]] = true
				}
				if calleeName(p, n) == "delete" && len(n.Args) == 2 && paramKeyed(n.Args[0]) {
					p.paramKeys[n.Args[1]] = true
				}
				if calleeName(p, n) == "delete" && len(n.Args) == 2 && floatKeyed(n.Args[0], n.Args[1]) {
					p.floatKeys[n.Args[1]] = true
				}
			case *ast.CompositeLit:
				for _, el := range n.Elts {
					if kv, ok := el.(*ast.KeyValueExpr); ok {
						if arrayKeyed(n) {
							p.arrayKeys[kv.Key] = true
						}
						if floatKeyed(n, kv.Key) {
							p.floatKeys[kv.Key] = true // map[float64]int{nan: 1, nan: 2}: two entries
						}
					}
				}
			}
			return true
		})
	}
}

// emittedYield: the function the module emitted as name yields in its own body
// (not only in a function defined inside it), so that it is a generator.
func (m *module) emittedYield(name string) bool {
	in, nested := false, -1 // inside name's def; the indentation of a nested def
	for _, line := range m.out {
		trimmed := strings.TrimLeft(line, " ")
		indent := len(line) - len(trimmed)
		if indent == 0 && trimmed != "" {
			in = strings.HasPrefix(trimmed, "def "+name+"(")
			nested = -1
			continue
		}
		if !in || trimmed == "" {
			continue
		}
		if nested >= 0 && indent > nested {
			continue // a nested function's body
		}
		nested = -1
		if strings.HasPrefix(trimmed, "def ") || strings.HasPrefix(trimmed, "async def ") {
			nested = indent
			continue
		}
		if strings.Contains(trimmed, "yield") && !strings.HasPrefix(trimmed, "#") {
			return true
		}
	}
	return false
}

// refuseComplex: a complex64, whose parts golib does not round to float32, is
// refused where the program first makes one (a complex128 is a Python complex).
func (m *module) refuseComplex() {
	p := m.p
	var first ast.Expr
	for e, tv := range p.info.Types {
		if b, ok := under(tv.Type).(*types.Basic); ok && b.Kind() == types.Complex64 {
			if first == nil || e.Pos() < first.Pos() {
				first = e
			}
		}
	}
	if first != nil {
		p.unsupported(first, "a complex64", "a complex128")
	}
}

// findNilSlices: does the program compare a slice with nil, or print one under %#v?
// Only then does a nil slice need to be told from an empty one.
// findAddressed: the struct variables whose address the program takes (p := &cfg),
// which an assignment of a whole value (cfg = load()) must write in place, as Go's
// does, so that the pointer sees it: go.store(cfg, load()).
func (m *module) findAddressed() {
	p := m.p
	m.addressed = map[types.Object]bool{}
	// the variable or field x names, a struct value of the program's type, or the
	// slice or array variable or field whose element x is (&xs[i])
	mark := func(x ast.Expr) {
		if n, named := types.Unalias(p.info.TypeOf(x)).(*types.Named); !named || !p.ours(n.Obj().Pkg()) || !isStructValueType(n) {
			return // a struct type of the program's (m.types is not made yet)
		}
		if v := addressedVar(p, x); v != nil {
			m.addressed[v] = true
		}
	}
	// c.Inc() called where it stands keeps no pointer to c; defer c.Inc() and go
	// c.Inc() keep one until the call runs (a statement is visited before its call,
	// a call before its function)
	called := map[*ast.SelectorExpr]bool{}
	later := map[*ast.CallExpr]bool{}
	for _, file := range p.files {
		ast.Inspect(file, func(n ast.Node) bool {
			switch x := n.(type) {
			case *ast.DeferStmt:
				later[x.Call] = true
			case *ast.GoStmt:
				later[x.Call] = true
			case *ast.CallExpr:
				if sel, ok := ast.Unparen(x.Fun).(*ast.SelectorExpr); ok && !later[x] {
					called[sel] = true
				}
			case *ast.UnaryExpr:
				if x.Op == token.AND {
					mark(x.X)
					// g := &s.Hits: a pointer into s, which s = Stats{} must write in place
					for sel, ok := ast.Unparen(x.X).(*ast.SelectorExpr); ok; sel, ok = ast.Unparen(sel.X).(*ast.SelectorExpr) {
						if s := p.info.Selections[sel]; s == nil || s.Kind() != types.FieldVal || isPointer(p.info.TypeOf(sel.X)) {
							break
						}
						mark(sel.X)
					}
				}
			case *ast.SelectorExpr:
				// inc := c.Inc, defer c.Inc() of a pointer method: a pointer to c kept
				if sel := p.info.Selections[x]; sel != nil && sel.Kind() == types.MethodVal && !called[x] {
					if sig, ok := sel.Obj().Type().(*types.Signature); ok && sig.Recv() != nil {
						if _, ptr := sig.Recv().Type().(*types.Pointer); ptr {
							mark(x.X)
						}
					}
				}
			}
			return true
		})
	}
}

func (m *module) findNilSlices() {
	p := m.p
	if m.usesGoSyntax() {
		m.nilSlices = true // %#v prints []int(nil), not []int{}
		return
	}
	for _, file := range p.files {
		ast.Inspect(file, func(n ast.Node) bool {
			if c, ok := n.(*ast.CallExpr); ok && calleeName(p, c) == "reflect.DeepEqual" {
				m.nilSlices = true // a nil slice is deeply equal to no empty one
			}
			if c, ok := n.(*ast.CallExpr); ok && (strings.HasPrefix(calleeName(p, c), "encoding/json.") || calleeName(p, c) == "log/slog.NewJSONHandler") {
				m.nilSlices = true // null, where an empty slice is []
			}
			if sel, ok := n.(*ast.SelectorExpr); ok {
				if fn, ok := p.info.Uses[sel.Sel].(*types.Func); ok && methodKey(fn) == "bufio.Scanner.Split" {
					m.nilSlices = true // a SplitFunc's nil token is none, an empty one a token
				}
			}
			if b, ok := n.(*ast.BinaryExpr); ok && (b.Op == token.EQL || b.Op == token.NEQ) {
				for _, e := range []ast.Expr{b.X, b.Y} {
					if _, ok := under(p.info.TypeOf(e)).(*types.Slice); ok {
						m.nilSlices = true
					}
				}
			}
			return !m.nilSlices
		})
	}
}

// lastSlicings marks the sub-slices of a local variable that a statement of the
// function's body takes and no later statement uses the variable again (*pq =
// old[0 : n-1], then return): nothing can write through the variable after the
// copy is taken. So too in a block within it, a loop's body, of a variable the
// block declares, which each run of it declares anew (from := s[k]; s[k] =
// from[:n], the pop of a stack in a loop).
func lastSlicings(p *program, body *ast.BlockStmt, safe map[ast.Expr]bool) {
	if body == nil {
		return
	}
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false // its own body is its function's
		case *ast.BlockStmt:
			if n != body {
				lastSlicings(p, n, safe)
				return false
			}
		}
		return true
	})
	uses := func(nodes []ast.Stmt, v types.Object) bool {
		found := false
		for _, n := range nodes {
			ast.Inspect(n, func(x ast.Node) bool {
				if id, ok := x.(*ast.Ident); ok && p.info.Uses[id] == v {
					found = true
				}
				return !found
			})
		}
		return found
	}
	for i, st := range body.List {
		var rhs []ast.Expr
		switch st := st.(type) {
		case *ast.AssignStmt:
			rhs = st.Rhs
		case *ast.ReturnStmt: // return slices.Compact(parts): the function's last use of parts
			rhs = st.Results
		default:
			continue
		}
		_, returned := st.(*ast.ReturnStmt)
		for _, r := range rhs {
			var operand ast.Expr
			if se, ok := ast.Unparen(r).(*ast.SliceExpr); ok && !returned {
				operand = se.X
			} else if c, ok := ast.Unparen(r).(*ast.CallExpr); ok && subslicing(p, c) {
				operand = c.Args[0] // kept := slices.DeleteFunc(all, f)
			} else {
				continue
			}
			id, ok := ast.Unparen(operand).(*ast.Ident)
			if !ok {
				continue
			}
			v, ok := p.info.Uses[id].(*types.Var)
			local := ok && v.Pos() >= body.Pos() && v.Pos() < body.End()
			if local && !uses(body.List[i+1:], v) && !capturedIn(body, v, p) {
				safe[ast.Unparen(r)] = true
			}
		}
	}
}

// capturedIn: a closure in body uses v.
func capturedIn(body *ast.BlockStmt, v types.Object, p *program) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		if lit, ok := n.(*ast.FuncLit); ok {
			ast.Inspect(lit.Body, func(x ast.Node) bool {
				if id, ok := x.(*ast.Ident); ok && p.info.Uses[id] == v {
					found = true
				}
				return !found
			})
		}
		return !found
	})
	return found
}

// subslicing: c calls a function of the library that returns a sub-slice of its
// first argument (after writing its elements: they are in inPlace too).
func subslicing(p *program, c *ast.CallExpr) bool {
	switch calleeName(p, c) {
	case "slices.Delete", "slices.DeleteFunc", "slices.Compact", "slices.CompactFunc", "slices.Replace":
		return len(c.Args) > 0
	}
	return false
}

// onlyFresh: src is a local variable whose every value is a new array (cp :=
// make([]int, n) before copy(cp, batch)), its address never taken: a send of it
// sends no other slice's array, though every slice sent on a channel of its type
// is grouped with the ones received.
func (p *program) onlyFresh(src any) bool {
	v, ok := src.(*types.Var)
	if !ok || v.IsField() || v.Parent() == nil || v.Parent() == v.Pkg().Scope() || p.addressTaken(v) {
		return false
	}
	values, known := p.assignedValues(v)
	return known && len(values) > 0 && !slices.ContainsFunc(values, func(e ast.Expr) bool { return !p.freshArray(v, e) })
}

// fresh: e makes a slice no one else holds (a literal, make, slices.Clone,
// bytes.Clone, a conversion of a string to []byte or []rune).
func fresh(p *program, e ast.Expr) bool {
	switch x := ast.Unparen(e).(type) {
	case *ast.CompositeLit:
		return true
	case *ast.CallExpr:
		if tv := p.info.Types[x.Fun]; tv.IsType() {
			return isSliceType(tv.Type) && len(x.Args) == 1 && isBasicKind(p.info.TypeOf(x.Args[0]), types.String)
		}
		name := calleeName(p, x)
		return name == "make" || name == "slices.Clone" || name == "bytes.Clone"
	}
	return false
}

// madeForReturn: c, a call that writes its operand v and returns part of it, is
// its function's last statement, return slices.Compact(s), and v holds an array
// the function made itself: its body last assigned v a fresh one at its top level
// (s = slices.Clone(s)), then used v only in statements of the library's calls
// that write it in place (slices.Sort(s)) or of its elements' assignments (s[0] =
// 1), no closure of the function using v or its address taken. Nothing else
// holds the array, so the result, a copy here, shows what Go's does.
func (m *module) madeForReturn(c *ast.CallExpr) bool {
	p := m.p
	id, ok := ast.Unparen(c.Args[0]).(*ast.Ident)
	if !ok {
		return false
	}
	v := p.info.Uses[id]
	if v == nil || v.Parent() == nil || v.Parent() == v.Pkg().Scope() {
		return false // a package's variable would hold the array beside the result
	}
	for _, u := range m.a.units {
		if u.body == nil || len(u.body.List) == 0 {
			continue
		}
		stmts := u.body.List
		last, ok := stmts[len(stmts)-1].(*ast.ReturnStmt)
		if ok && len(last.Results) == 1 && ast.Unparen(last.Results[0]) == ast.Expr(c) {
			return !capturedOrAddressed(p, u.body, v) && madeBefore(p, stmts[:len(stmts)-1], v)
		}
	}
	return false
}

// madeBefore: the last of stmts that assigns v gives it a fresh array, and those
// after it use v only as madeForReturn allows.
func madeBefore(p *program, stmts []ast.Stmt, v types.Object) bool {
	for i := len(stmts) - 1; i >= 0; i-- {
		switch s := stmts[i].(type) {
		case *ast.AssignStmt:
			if len(s.Lhs) == 1 && len(s.Rhs) == 1 {
				if id, whole := s.Lhs[0].(*ast.Ident); whole && p.info.ObjectOf(id) == v {
					return fresh(p, s.Rhs[0])
				}
				if ix, ok := s.Lhs[0].(*ast.IndexExpr); ok && s.Tok == token.ASSIGN {
					if id, ok := ast.Unparen(ix.X).(*ast.Ident); ok && p.info.Uses[id] == v && !usesObj(p, ix.Index, v) {
						continue // s[0] = x, x reading s or not
					}
				}
			}
		case *ast.ExprStmt:
			if call, ok := ast.Unparen(s.X).(*ast.CallExpr); ok && len(call.Args) > 0 && slices.Contains(inPlace, calleeName(p, call)) {
				others := slices.ContainsFunc(call.Args[1:], func(a ast.Expr) bool { return usesObj(p, a, v) })
				if arg, ok := ast.Unparen(call.Args[0]).(*ast.Ident); ok && p.info.Uses[arg] == v && !others {
					continue // slices.Sort(s)
				}
			}
		}
		if usesObj(p, stmts[i], v) {
			return false
		}
	}
	return false
}

// capturedOrAddressed: a function literal in body uses v, or body takes &v.
func capturedOrAddressed(p *program, body *ast.BlockStmt, v types.Object) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		switch x := n.(type) {
		case *ast.FuncLit:
			found = found || usesObj(p, x, v)
			return false
		case *ast.UnaryExpr:
			found = found || x.Op == token.AND && rootObj(p, x.X) == v
		}
		return !found
	})
	return found
}

// keepsItsOperand: the library's calls whose result holds the array of their first
// argument in Go: sub-slices of it (bytes.Fields), or a buffer over it
// (bytes.NewBuffer), where the translation's is a copy. bytes.NewReader's is the
// list itself, which the reader reads as Go's reads the array.
func keepsItsOperand(name string) bool {
	switch name {
	case "bytes.Fields", "bytes.Split", "bytes.SplitAfter", "bytes.TrimSpace", "bytes.NewBuffer", "bytes.Trim", "bytes.TrimLeft",
		"bytes.TrimRight", "bytes.TrimPrefix", "bytes.TrimSuffix", "bytes.Cut", "bytes.CutPrefix", "bytes.CutSuffix", "bytes.SplitN",
		"bytes.FieldsFunc", "bytes.TrimFunc", "bytes.TrimLeftFunc", "bytes.TrimRightFunc":
		return true
	}
	return false
}

// fieldNumberClass: golib's class of a struct field's type that fmt tells from an
// int only under a verb an integer has not (%!s(int8=-1)), or from a list of
// numbers under %s, %q, %x (a []byte's text): an unnamed sized integer type, or a
// slice, an array or a map's values of one; "go.Bytes" for []byte and [N]byte.
func fieldNumberClass(t types.Type) string {
	if n, named := t.(*types.Named); named {
		if n.NumMethods() == 0 && (isByteSlice(n) || isByteArray(n)) {
			return "go.Bytes" // a type Blob []byte: %x of its bytes, {0102}
		}
		return "" // its own class, or a named slice's
	}
	if isSizedInt(t) {
		return sizedClass(t)
	}
	e := elemType(t)
	if e == nil {
		if mt, ok := t.(*types.Map); ok && !isSizedInt(mt.Key()) {
			e = mt.Elem()
		}
	}
	if b, ok := e.(*types.Basic); ok && b.Kind() == types.Uint8 {
		return "go.Bytes"
	}
	if b, ok := under(e).(*types.Basic); ok && b.Kind() == types.Uint8 && elemType(t) != nil {
		return "go.Bytes" // a [3]Percent of a named uint8: bytes to fmt's %s, %q and %x, its String aside
	}
	if e != nil && fieldNumberClass(e) == "go.Bytes" {
		return "(go.Bytes,)" // [][]byte, map[string][]byte: each element's text under %s
	}
	if e != nil && isSizedInt(e) {
		return sizedClass(e)
	}
	return ""
}

// hexWrites: encoding/hex's calls whose first argument Go may write: the slice
// filled, or appended to where it has room.
var hexWrites = []string{"encoding/hex.Encode", "encoding/hex.Decode", "encoding/hex.AppendEncode", "encoding/hex.AppendDecode"}

// inPlace: the calls that write the elements of their first argument.
var inPlace = []string{"copy", "clear", "sort.Ints", "sort.Strings", "sort.Float64s", "sort.Slice", "sort.SliceStable",
	"slices.Sort", "slices.SortFunc", "slices.SortStableFunc", "slices.Reverse",
	"slices.Delete", "slices.DeleteFunc", "slices.Compact", "slices.CompactFunc", "slices.Replace"}

// readInto: which argument of c a library call reads or puts bytes into, or -1:
// a reader's Read, io.ReadFull, a byte order's PutUint16 and kin (the calls that
// go through a sub-slice, throughMethods and throughReaders, and bufio's Read).
func (m *module) readInto(c *ast.CallExpr) int {
	if at := m.boundWriter(c); at >= 0 {
		return at
	}
	key := m.readerKey(c)
	for _, calls := range []map[string]int{throughMethods, throughReaders, {"bufio.Reader.Read": 0}} {
		if at, ok := calls[key]; ok && at < len(c.Args) {
			return at
		}
	}
	return -1
}

// boundedSubslicesReturned: for each function of the program, which of its results a
// return statement gives as a sub-slice with room left in its operand's array
// (return s[:i], s[i:] of a split helper: the first), which an append to it writes.
func boundedSubslicesReturned(p *program) map[*types.Func][]bool {
	out := map[*types.Func][]bool{}
	for _, f := range p.files {
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Body == nil || fd.Type.Results == nil {
				continue
			}
			fn, ok := p.info.Defs[fd.Name].(*types.Func)
			if !ok {
				continue
			}
			bounded := func(e ast.Expr) bool {
				se, ok := ast.Unparen(e).(*ast.SliceExpr)
				return ok && se.High != nil && !fullSlice(se)
			}
			held := map[types.Object]bool{} // out = rows[off : off+lim], then return out
			ast.Inspect(fd.Body, func(n ast.Node) bool {
				if a, ok := n.(*ast.AssignStmt); ok && len(a.Lhs) == len(a.Rhs) {
					for i, l := range a.Lhs {
						if id, ok := ast.Unparen(l).(*ast.Ident); ok && bounded(a.Rhs[i]) && !sameVar(p, a.Rhs[i].(*ast.SliceExpr).X, id) {
							held[p.info.ObjectOf(id)] = true
						}
					}
				}
				return true
			})
			ast.Inspect(fd.Body, func(n ast.Node) bool {
				switch n := n.(type) {
				case *ast.FuncLit:
					return false // its returns are its own
				case *ast.ReturnStmt:
					for i, r := range n.Results {
						if id, ok := ast.Unparen(r).(*ast.Ident); bounded(r) || ok && held[p.info.Uses[id]] {
							if out[fn] == nil {
								out[fn] = make([]bool, fn.Type().(*types.Signature).Results().Len())
							}
							out[fn][i] = true
						}
					}
				}
				return true
			})
		}
	}
	return out
}

// fullSlice: s[a:b:b], a sub-slice whose capacity is its length, so that an append
// to it moves it to a new array.
func fullSlice(se *ast.SliceExpr) bool {
	return se.Slice3 && types.ExprString(se.High) == types.ExprString(se.Max)
}

// emptied: s[:0:0] or s[i:i:i], a slice with no length and no room: it shares
// nothing with s's array, since an append to it makes a new one.
func emptied(p *program, se *ast.SliceExpr) bool {
	if !fullSlice(se) {
		return false
	}
	if se.Low == nil {
		v := p.info.Types[se.High].Value
		return v != nil && constant.Sign(v) == 0
	}
	return types.ExprString(se.Low) == types.ExprString(se.High) && pure(se.Low)
}

// cappedAppend: c is append(s[a:i:i], x...) of a flat slice with elements to
// add: s[a:i:i] has no room, so the append copies it into a new array, as the
// translation's append to its copy does (the delete idiom that leaves s as it
// was).
func cappedAppend(p *program, c *ast.CallExpr) bool {
	if calleeName(p, c) != "append" || len(c.Args) < 2 {
		return false
	}
	se, ok := ast.Unparen(c.Args[0]).(*ast.SliceExpr)
	return ok && se.High != nil && fullSlice(se) && pure(se.High) && !isSliceType(elemType(p.info.TypeOf(c)))
}

// refuseSharedSubslices: in Go a sub-slice (data[lo:hi]) shares its backing
// array with the slice, so a write through one shows through the other; in the
// translation it is a copy. Refused where the program writes elements of a slice
// of that element type (x[i] = v, x[i]++, copy into it, clear, an in-place sort), unless
// the sub-slice only replaces its own operand (s = s[1:], s = append(s[:i], ...)).
func (m *module) refuseSharedSubslices() {
	p := m.p
	params := map[types.Object]bool{} // every function's parameters, closures' too
	for _, f := range p.files {
		ast.Inspect(f, func(n ast.Node) bool {
			var ft *ast.FuncType
			switch n := n.(type) {
			case *ast.FuncDecl:
				ft = n.Type
			case *ast.FuncLit:
				ft = n.Type
			}
			if ft != nil {
				for _, fld := range ft.Params.List {
					for _, name := range fld.Names {
						params[p.info.Defs[name]] = true
					}
				}
			}
			return true
		})
	}
	// the slice parameters a function only reads: its arguments share nothing
	// through it (onlyRead), and where it never blocks, a sub-slice given to one
	// is read where it stands (readParams); one that blocks may read a copy
	// after another goroutine wrote the array, so its parameter shares nothing
	// only where the function takes no sub-slice of it and hands it on to nothing
	// but fmt and the library's reads (plainlyRead)
	onlyRead, readParams := map[*types.Var]bool{}, map[*types.Var]bool{}
	readOnlyParams := func(u *unit, fn *types.Func) {
		for i := 0; i < u.sig.Params().Len(); i++ {
			v := u.sig.Params().At(i)
			switch {
			case !isSliceType(v.Type()):
			case !u.gen && m.readsOrPrints(u.body, v, fn, i):
				onlyRead[v], readParams[v] = true, true
			case u.gen && plainlyRead(p, u.body, v):
				onlyRead[v] = true
			}
		}
	}
	for fn, u := range m.a.byFunc {
		if u.decl != nil && u.decl.Body != nil && !u.sig.Variadic() {
			readOnlyParams(u, fn)
		}
	}
	for _, lit := range p.heldClosures() {
		if u := m.a.byLit[lit]; u != nil && !u.sig.Variadic() {
			readOnlyParams(u, nil) // show(group) beside show(queue): each only read in the call
		}
	}
	sealed, own := p.sealedSlices()
	aliases := p.sliceAliases(onlyRead, sealed, own)
	readIn := m.findThroughArgs(readParams, aliases)
	inPlaceArgs, writtenParams := m.inPlaceParams(readParams)
	written := map[string]bool{} // element types written: an array's sub-slice goes by them
	writtenArrays := map[types.Object]bool{}
	var writes []any       // the groups of the slices written
	var writeAt []ast.Node // and where each write is
	writeTo := func(x ast.Expr, elem string) {
		written[elem] = true
		if v := arrayVar(p, x); v != nil {
			writtenArrays[v] = true
		}
		if v, ok := usedVar(p, x); ok && sealed[v] {
			return // written before its function returns its array (see sealedSlices)
		}
		if !isSliceType(p.info.TypeOf(x)) {
			return // arr[i] = v of an array or a map of slices: a slice of it, not their arrays
		}
		if s := aliases.source(x); s != nil {
			writes = append(writes, s)
			writeAt = append(writeAt, x)
		}
	}
	elemOf := func(e ast.Expr) (string, bool) {
		switch t := under(p.info.TypeOf(e)).(type) {
		case *types.Slice:
			return types.TypeString(t.Elem(), nil), true
		case *types.Array: // arr[:] shares the array
			return types.TypeString(t.Elem(), nil), true
		case *types.Pointer: // p[1:] of a p *[8]byte shares the array p points to
			if arr, ok := under(t.Elem()).(*types.Array); ok {
				return types.TypeString(arr.Elem(), nil), true
			}
		}
		return "", false
	}
	private := func(x ast.Expr, elem string) bool {
		if v, ok := usedVar(p, x); ok && isSliceType(v.Type()) && m.writtenBeforeLetOut(v, x) {
			written[elem] = true
			return true // v[i] = x, copy(v, src) before v's array is let out
		}
		return false
	}
	write := func(e ast.Expr) {
		if ix, ok := ast.Unparen(e).(*ast.IndexExpr); ok {
			if t, ok := elemOf(ix.X); ok {
				writeTo(ix.X, t)
			}
		}
	}
	assigned := func(e ast.Expr) { // an element assigned where it stands
		if ix, ok := ast.Unparen(e).(*ast.IndexExpr); ok {
			if t, ok := elemOf(ix.X); ok && !private(ix.X, t) {
				writeTo(ix.X, t)
			}
		}
	}
	var subslices []*ast.SliceExpr
	capped := map[*ast.SliceExpr]bool{}     // s[:i:i] of append(s[:i:i], ...): only read
	readChunks := map[*ast.CallExpr]bool{}  // slices.Chunk(s, n) ranged over and only read: see rangedChunks
	selfSlices := map[*ast.SliceExpr]bool{} // q, order = q[1:], ...: each q[1:] is q's own
	var selfSliced []selfSlice              // s = s[a:b], s = append(s[:i], ...): see below
	var reslicedParams []*ast.SliceExpr     // p = p[:n] of a slice parameter p: see below
	var reslicedFields []*ast.SliceExpr     // h.data = h.data[:n] of a slice field: see below
	var results []*ast.CallExpr             // slices.DeleteFunc(s, f) and kin: s[:n] after writing s
	readOnly := readIn                      // a sub-slice only read where it stands: its copy reads the same
	m.ranged = map[ast.Expr]*ast.RangeStmt{}
	for se := range m.joinedReaders(aliases) {
		readOnly[se] = true // go func(part []int) { ... }(nums[lo:hi]), read and waited for
	}
	targets := map[ast.Expr]bool{} // the elements written: an assignment's, x++'s, &x's
	for _, f := range p.files {
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.AssignStmt:
				for _, l := range n.Lhs {
					targets[ast.Unparen(l)] = true
				}
			case *ast.IncDecStmt:
				targets[ast.Unparen(n.X)] = true
			case *ast.UnaryExpr:
				if n.Op == token.AND {
					targets[ast.Unparen(n.X)] = true
				}
			}
			return true
		})
	}
	for _, f := range p.files {
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.IndexExpr:
				if se, ok := ast.Unparen(n.X).(*ast.SliceExpr); ok && !targets[n] {
					readOnly[se] = true // tags[:1][0]: an element read where it stands
				}
			case *ast.FuncDecl:
				lastSlicings(p, n.Body, readOnly)
			case *ast.FuncLit:
				lastSlicings(p, n.Body, readOnly)
			case *ast.RangeStmt:
				readOnly[ast.Unparen(n.X)] = true // unless written while it runs: see writtenWhileRanging
				m.ranged[ast.Unparen(n.X)] = n
			case *ast.ExprStmt:
				readOnly[ast.Unparen(n.X)] = true // a result no one holds
			case *ast.AssignStmt:
				if len(n.Lhs) == 1 && len(n.Rhs) == 1 {
					if c, ok := ast.Unparen(n.Rhs[0]).(*ast.CallExpr); ok && subslicing(p, c) && (sameVar(p, c.Args[0], n.Lhs[0]) || sameIndexed(p, c.Args[0], n.Lhs[0]) != nil ||
						samePointee(p, c.Args[0], n.Lhs[0]) || samePlace(p, c.Args[0], n.Lhs[0])) {
						// s = slices.DeleteFunc(s, f), hands[p] = slices.Delete(hands[p], i, i+1),
						// orders[i].Lines = slices.DeleteFunc(orders[i].Lines, f): the result
						// replaces its operand
						readOnly[c] = true
					}
				}
			case *ast.CallExpr:
				for _, i := range m.readArgs(n) {
					readOnly[ast.Unparen(n.Args[i])] = true // Sum(xs[:n]): read in the call
				}
				if sig := p.funcValueCalled(n); sig != nil && m.onlyReaders(sig) {
					for _, a := range n.Args {
						readOnly[ast.Unparen(a)] = true // c.get(b[4*i:]) of a field only binary's decoders fill
					}
				}
				if sel, ok := ast.Unparen(n.Fun).(*ast.SelectorExpr); ok && m.readsReceiver(sel) {
					readOnly[ast.Unparen(sel.X)] = true // b[1:3].Count() of a method that only reads b
				}
				name := calleeName(p, n)
				tv := p.info.Types[n.Fun]
				switch {
				case tv.IsType() && !isSliceType(tv.Type), name == "len", name == "cap", strings.HasPrefix(name, "fmt."),
					strings.HasPrefix(name, "strings."), strings.HasPrefix(name, "bytes.") && name != "bytes.NewReader",
					strings.HasPrefix(name, "log."), name == "reflect.DeepEqual",
					strings.HasPrefix(name, "errors."), // errors.Join(errs[:]...)
					strings.HasPrefix(name, "crypto/"), strings.HasPrefix(name, "encoding/hex.") && !slices.Contains(hexWrites, name),
					name == "encoding/base64.EncodeToString", name == "encoding/base64.AppendEncode",
					name == "encoding/json.Marshal", name == "encoding/json.MarshalIndent",
					strings.HasPrefix(name, "hash/crc32."), strings.HasPrefix(name, "encoding/binary.Uint"),
					isTestPrint(name): // t.Log(got[:1])
					for _, a := range n.Args {
						readOnly[ast.Unparen(a)] = true
					}
				case name == "append" && n.Ellipsis.IsValid(), name == "copy":
					readOnly[ast.Unparen(n.Args[len(n.Args)-1])] = true // the elements copied
				case name == "slices.Clone", strings.HasPrefix(name, "slices.") && slices.Contains(sliceSearches, name[len("slices."):]):
					for _, a := range n.Args {
						readOnly[ast.Unparen(a)] = true // read, in the one step the call takes
					}
				}
				if sel, ok := ast.Unparen(n.Fun).(*ast.SelectorExpr); ok && sel.Sel.Name == "Write" && len(n.Args) == 1 {
					if fn, ok := p.info.Uses[sel.Sel].(*types.Func); ok && fn.Pkg() != nil && !p.ours(fn.Pkg()) {
						readOnly[ast.Unparen(n.Args[0])] = true // w.Write(hdr[:]): io.Writer's contract, read and not kept
					}
				}
			}
			return true
		})
	}
	for _, f := range p.files {
		ast.Inspect(f, func(n ast.Node) bool {
			if r, ok := n.(*ast.RangeStmt); ok && m.rangedChunks(r, readOnly, targets, aliases) {
				switch x := ast.Unparen(r.X).(type) {
				case *ast.CompositeLit:
					for _, e := range x.Elts {
						readOnly[ast.Unparen(e)] = true
					}
				case *ast.CallExpr:
					readChunks[x] = true
				}
			}
			return true
		})
	}
	// kept := hs[:0]: a sub-slice with a bound below its operand's end has room to
	// grow in the operand's array, which an append to it writes (the filter idiom);
	// one whose capacity is its length (head := q[:1:1]) has none
	bounded := map[types.Object]bool{}
	appendedTo := map[ast.Node]types.Object{} // the writes those appends are, and whose
	boundedResults := boundedSubslicesReturned(p)
	for _, f := range p.files {
		ast.Inspect(f, func(n ast.Node) bool {
			a, ok := n.(*ast.AssignStmt)
			if !ok {
				return true
			}
			if len(a.Lhs) == len(a.Rhs) {
				for i, r := range a.Rhs {
					id, isID := ast.Unparen(a.Lhs[i]).(*ast.Ident)
					se, isSlice := ast.Unparen(r).(*ast.SliceExpr)
					if isID && isSlice && se.High != nil && !fullSlice(se) && !sameVar(p, se.X, id) {
						if obj := p.info.ObjectOf(id); obj != nil && isSliceType(obj.Type()) {
							bounded[obj] = true
						}
					}
				}
			}
			if len(a.Rhs) == 1 {
				// lo, hi := split(s, i) of a function returning s[:i], s[i:]: lo has room too
				if c, ok := ast.Unparen(a.Rhs[0]).(*ast.CallExpr); ok {
					if fn := aliases.callee(c); fn != nil {
						for i, l := range a.Lhs {
							if id, ok := ast.Unparen(l).(*ast.Ident); ok && i < len(boundedResults[fn]) && boundedResults[fn][i] {
								if obj := p.info.ObjectOf(id); obj != nil {
									bounded[obj] = true
								}
							}
						}
					}
				}
			}
			return true
		})
	}
	for _, f := range p.files {
		ast.Inspect(f, func(n ast.Node) bool {
			if c, ok := n.(*ast.CallExpr); ok && len(c.Args) > 1 && calleeName(p, c) == "append" {
				if se, ok := ast.Unparen(c.Args[0]).(*ast.SliceExpr); ok && se.High == nil {
					if id, ok := ast.Unparen(se.X).(*ast.Ident); !ok || !bounded[p.info.Uses[id]] {
						// append(s[i:], v): the sub-slice ends where s does, and with its
						// capacity its length (as everywhere here) Go's append moves it
						readOnly[se] = true
					}
				}
			}
			return true
		})
	}
	for _, f := range p.files {
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.AssignStmt:
				for _, l := range n.Lhs {
					assigned(l)
				}
				for _, r := range n.Rhs {
					if c, ok := ast.Unparen(r).(*ast.CallExpr); ok && calleeName(p, c) == "append" && len(c.Args) > 1 {
						if id, ok := ast.Unparen(c.Args[0]).(*ast.Ident); ok && bounded[p.info.Uses[id]] {
							if t, ok := elemOf(id); ok {
								writeTo(id, t) // kept = append(kept, h): into hs's array
								appendedTo[id] = p.info.Uses[id]
							}
						}
					}
				}
				if len(n.Lhs) == 1 && len(n.Rhs) == 1 {
					if self := m.selfSlicing(n.Lhs[0], n.Rhs[0]); self != nil {
						selfSliced = append(selfSliced, selfSlice{self, n.Lhs[0], appendsInto(p, n.Rhs[0])})
						if id, ok := ast.Unparen(n.Lhs[0]).(*ast.Ident); ok && params[p.info.Uses[id]] {
							reslicedParams = append(reslicedParams, self)
						}
						if fieldOf(p, n.Lhs[0]) != nil && ast.Unparen(n.Rhs[0]) == ast.Expr(self) {
							reslicedFields = append(reslicedFields, self)
						}
						// s = s[a:b]: that sub-slice is s's own; any other in the statement counts
						ast.Inspect(n.Rhs[0], func(x ast.Node) bool {
							if se, ok := x.(*ast.SliceExpr); ok && se != self {
								if _, ok := elemOf(se.X); ok {
									subslices = append(subslices, se)
								}
							}
							return true
						})
						return false
					}
				}
				if len(n.Lhs) > 1 && len(n.Lhs) == len(n.Rhs) && n.Tok == token.ASSIGN {
					// q, order = q[1:], append(order, q[0]): every operand is evaluated
					// before any is assigned, so each self-slicing replaces its operand
					for i, l := range n.Lhs {
						if self := m.selfSlicing(l, n.Rhs[i]); self != nil && onlyElementsIn(p, n.Rhs, i, l) {
							selfSlices[self] = true
							selfSliced = append(selfSliced, selfSlice{self, l, appendsInto(p, n.Rhs[i])})
							if id, ok := ast.Unparen(l).(*ast.Ident); ok && params[p.info.Uses[id]] {
								reslicedParams = append(reslicedParams, self)
							}
						}
					}
				}
			case *ast.IncDecStmt:
				assigned(n.X)
			case *ast.UnaryExpr:
				// &s[i] of an element that is no struct: a go.ElemRef into s's list, which
				// a write through it writes (a struct element is its own pointer, shared)
				if ix, ok := ast.Unparen(n.X).(*ast.IndexExpr); ok && n.Op == token.AND {
					if _, isStruct := under(p.info.TypeOf(ix)).(*types.Struct); !isStruct {
						write(ix)
					}
				}
			case *ast.CallExpr:
				tv := p.info.Types[n.Fun] // sort.IntSlice(xs): sort.Sort may sort xs through it
				if fn := calleeName(p, n); slices.Contains(inPlace, fn) || tv.IsType() && sortSlice(tv.Type) != "" {
					if len(n.Args) > 0 {
						// copy(v, src), sort.Ints(v): a call that returns no sub-slice of v
						if t, ok := elemOf(n.Args[0]); ok && (isSliceType(p.info.TypeOf(n)) || !private(n.Args[0], t)) {
							writeTo(n.Args[0], t)
						}
					}
				}
				if writes, _, callee := m.argsInPlace(n, inPlaceArgs, writtenParams); callee != nil {
					for _, at := range writes {
						if t, ok := elemOf(n.Args[at]); ok && identOf(ast.Unparen(n.Args[at])) != nil {
							writeTo(n.Args[at], t) // fill(p) of a func fill(p []int) { p[0] = 9 }
						}
					}
				}
				for _, at := range m.dynamicWrites(n, writtenParams) {
					if t, ok := elemOf(n.Args[at]); ok {
						writeTo(n.Args[at], t) // c.Encrypt(buf[2:4]) through an interface
					}
				}
				if at := m.readInto(n); at >= 0 {
					if t, ok := elemOf(n.Args[at]); ok {
						writeTo(n.Args[at], t) // r.Read(buf), binary.BigEndian.PutUint16(b, v)
					}
				} else if sig := p.funcValueCalled(n); sig != nil && m.mayBeWriter(sig) {
					for _, arg := range n.Args {
						if t, ok := elemOf(arg); ok && isSliceType(p.info.TypeOf(arg)) {
							writeTo(arg, t) // puts[i](b[2:], v) of a []func([]byte, uint16) holding PutUint16
						}
					}
				}
				if calleeName(p, n) == "append" && len(n.Args) > 1 {
					if se, ok := ast.Unparen(n.Args[0]).(*ast.SliceExpr); ok && se.High != nil && !fullSlice(se) {
						if t, ok := elemOf(se.X); ok {
							writeTo(se.X, t) // append(s[:i], s[i+1:]...): into s's array, past s[:i]
						}
					} else if ok && cappedAppend(p, n) {
						capped[se] = true // append(s[:i:i], ...) copies s[:i] into a new array
					}
				}
				if subslicing(p, n) && !readOnly[n] {
					results = append(results, n)
				}
				if calleeName(p, n) == "slices.Chunk" && len(n.Args) == 2 && !readChunks[n] {
					// its chunks are sub-slices of its operand: checked as one
					subslices = append(subslices, &ast.SliceExpr{X: n.Args[0], Lbrack: n.Pos(), Rbrack: n.End() - 1})
				}
				if keepsItsOperand(calleeName(p, n)) && len(n.Args) > 0 && !readOnly[n] {
					// sub-slices of its operand, or a buffer over its array: checked as one
					subslices = append(subslices, &ast.SliceExpr{X: n.Args[0], Lbrack: n.Pos(), Rbrack: n.End() - 1})
				}
				if sel, ok := ast.Unparen(n.Fun).(*ast.SelectorExpr); ok && (sel.Sel.Name == "Sort" || sel.Sel.Name == "Swap") {
					if t, ok := elemOf(sel.X); ok && sortSlice(p.info.TypeOf(sel.X)) != "" {
						writeTo(sel.X, t) // s.Sort() of a sort.IntSlice
					}
				}
			case *ast.SliceExpr:
				if _, ok := elemOf(n.X); ok && !m.through[n] && !selfSlices[n] && !capped[n] && !emptied(p, n) {
					subslices = append(subslices, n)
				}
			}
			return true
		})
	}
	// p = p[:n] of a parameter, then a write of p's elements: in Go the caller's
	// array takes it; here the re-slice is a view that writes each element into
	// the caller's list too (go.param_view), unless an append or cap makes the
	// array's room past the view matter
	m.paramViews = map[*ast.SliceExpr]bool{}
	m.arrayViews = map[*ast.SliceExpr]bool{}
	viewGrows := func(se *ast.SliceExpr) bool { // the room past the view matters
		grows := se.Slice3 || roomAsked(p, se.X)
		for _, s := range selfSliced {
			grows = grows || s.se == se && s.appends
		}
		return grows
	}
	for _, se := range reslicedParams {
		grows := viewGrows(se)
		for _, w := range writeAt {
			if x, ok := w.(ast.Expr); !ok || !sameVar(p, x, se.X) || !p.runsAfter(w, se.Pos()) {
				continue
			}
			if !grows {
				m.paramViews[se] = true
			} else {
				p.unsupported(se, "a slice parameter re-sliced, then written (in Go the caller's array takes the writes; here the re-slice is a copy)",
					"write through the parameter itself (p[i] = v, r.Read(p[:n]) in place of p = p[:n]), or into a new slice the function returns")
			}
		}
	}
	// h.data = h.data[:n] of a field, and the field's elements written (in this
	// method, or in another, h.down(0)): in Go the array the field held before
	// takes the writes, which a caller's slice of it sees (items, after h :=
	// &Heap{data: items}; h.Pop()); here the re-slice is a view that writes each
	// element into the list the field held too, unless an append or cap makes the
	// array's room past the view matter
	for _, se := range reslicedFields {
		field := fieldOf(p, se.X)
		m.paramViews[se] = !viewGrows(se) && slices.ContainsFunc(writeAt, func(w ast.Node) bool {
			x, ok := w.(ast.Expr)
			return ok && fieldOf(p, x) == field
		})
	}
	tainted := map[any][]ast.Node{}
	for i, s := range writes {
		root := aliases.find(s)
		tainted[root] = append(tainted[root], writeAt[i])
	}
	settled := p.settledSlices(aliases)
	m.backings = m.findBackings(bounded)
	replaced := p.replacingDeletes(aliases)
	for _, s := range selfSliced {
		if m.paramViews[s.se] {
			continue // its writes reach the array every holder of it sees
		}
		// its copy replaces s, which Go's sub-slice does too; but a variable of this
		// function (or a global, another field) holding s's array before would see
		// in Go what the append writes into it, or the writes to either afterwards
		root := aliases.find(aliases.source(s.lhs))
		// buf = buf[:0], then buf = append(buf, x): Go's append writes the room left
		// in the array, which another holder of it sees
		grows := s.appends || grownByAppend(p, s.lhs)
		if !grows && (len(tainted[root]) == 0 || settled(s.se, root, tainted[root])) {
			continue // taken after the last write: the copy holds what the array does
		}
		if s.appends && (rangedOver(p, s.se, s.lhs) || rangedOver(p, s.se, s.se.X)) {
			p.unsupported(s.se, "an append into a slice's own array while a range over the slice runs (in Go the range reads "+
				"the elements the append moves; here the re-slice is a copy)", "range over a copy (range slices.Clone(xs)), or collect the kept elements into a new slice")
		}
		at := s.se.Pos()
		if _, isID := ast.Unparen(s.se.X).(*ast.Ident); isID && !sameVar(p, s.se.X, s.lhs) {
			// b.subs[k] = append(list[:i], list[i+1:]...) of list := b.subs[k]: list,
			// read in the statement and not after it (loadedFrom), holds nothing then
			if st := innermostStmt(p.pathOf(s.se)); st != nil {
				at = st.End() - 1
			}
		}
		if v := p.otherHolder(aliases, root, s.lhs, at, grows); v != nil {
			p.unsupported(s.se, "a slice re-sliced into itself while "+v.Name()+" holds its array (in Go both see "+
				"what is written into it; here the re-slice is a copy)", "copy the slice (slices.Clone) where a second view of it is kept")
		}
		if grows && p.sentBefore(aliases, root, s.se.Pos()) {
			p.unsupported(s.se, "a slice re-sliced into itself and appended to after it was sent on a channel (in Go the "+
				"receiver's slice shares its array and sees the append; here the re-slice is a copy)", "send a copy: ch <- slices.Clone(buf)")
		}
		if star, ok := ast.Unparen(s.lhs).(*ast.StarExpr); ok {
			// *p = (*p)[1:]: the array is the one of every place p points to, where
			// other variables may hold it too (a caller's, for a parameter p, or
			// for q := &s of a parameter s)
			var places []place
			known := true
			if at := pointee(p, star); at != nil {
				known = !p.copiedPlace([]place{{at, s.se.Pos(), false}}) // its holders: otherHolder above
			} else {
				places, known = p.placesOf(aliases, star, s.se.Pos())
			}
			if !known {
				p.unsupported(s.se, "a slice re-sliced through a pointer that may point where this program does not show "+
					"(in Go every holder of its array sees the writes; here the re-slice is a copy)",
					"pass &s of a local variable s (not a parameter) at each call, or return the slice")
			}
			for _, pl := range places {
				v := p.otherHolder(aliases, root, pl.x, pl.at, s.appends)
				if v == nil && pl.anywhere {
					v = p.holderBeside(aliases, root, pl.x, s.appends)
				}
				if v != nil {
					p.unsupported(s.se, "a slice re-sliced through a pointer while "+v.Name()+" holds its array (in Go both see "+
						"what is written into it; here the re-slice is a copy)", "copy the slice (slices.Clone) where a second view of it is kept")
				}
			}
		}
		if id, ok := ast.Unparen(s.lhs).(*ast.Ident); ok && s.appends && params[p.info.Uses[id]] {
			// s = append(s[:i], ...) of a parameter writes the caller's array
			if fn, at := p.paramOf(p.info.Uses[id]); fn == nil || !p.everyCallReplaces(aliases, fn, at, false) {
				p.unsupported(s.se, "a slice parameter re-sliced into itself by an append (in Go the append writes the caller's array; here the re-slice is a copy)",
					"return the slice, and call the function as s = f(s, ...)")
			}
		}
		if sel, ok := ast.Unparen(s.lhs).(*ast.SelectorExpr); ok && s.appends && m.returnedAfter(sel, s.se) {
			// p.buf = append(p.buf[:0], v); return p.buf: the caller keeps a slice of
			// the array the next call's append writes again
			p.unsupported(s.se, "a slice field re-sliced into itself by an append and returned (in Go the caller's slice shares "+
				"the array the next append writes; here the re-slice is a copy)", "return a copy: slices.Clone("+types.ExprString(sel)+")")
		}
		if v := p.heldElsewhere(aliases, root, s.lhs, s.se.Pos()); v != nil {
			p.unsupported(s.se, "a slice re-sliced into itself while "+v.Name()+" holds its array (in Go both see "+
				"what is written into it; here the re-slice is a copy)", "copy the slice (slices.Clone) where a second view of it is kept")
		}
	}
	for _, se := range subslices {
		shared := false
		if t, _ := elemOf(se.X); isSliceType(p.info.TypeOf(se.X)) {
			root := aliases.find(aliases.source(se.X))
			writes := p.writesInto(tainted[root], elemType(p.info.TypeOf(se.X)))
			if v := m.backingOf(se); v != nil {
				// kept := hs[:0] whose appends write hs as Go's do (go.Backing): only
				// the other writes could make it and hs differ
				writes = nil
				for _, w := range tainted[root] {
					if appendedTo[w] != v {
						writes = append(writes, w)
					}
				}
				if len(writes) > 0 && m.backingAlone(se, v, root, aliases) {
					writes = nil
				}
			}
			shared = len(writes) > 0 && !settled(se, root, writes)
		} else if v := arrayVar(p, se.X); v != nil && m.a.assigns[v] == 0 && m.quietArray(v) && subslicedForCalls(p, aliases, v, tainted) {
			shared = writtenArrays[v] // id[0:4] of an array value no one else reaches
		} else {
			shared = written[t]
		}
		read := readOnly[se]
		if r := m.ranged[se]; r != nil && read && !indexOnly(r) {
			groupWrites := writeAt
			if isSliceType(p.info.TypeOf(se.X)) {
				groupWrites = tainted[aliases.find(aliases.source(se.X))]
			}
			read = !m.writtenWhileRanging(r, groupWrites)
		}
		if shared && !read && !replaced[se] && m.wholeArray(se, aliases) {
			m.arrayViews[se] = true // sl := arr[:], sorted: the array's list itself
			continue
		}
		if shared && !read && !replaced[se] && !m.readByEveryCaller(se, readOnly, tainted, aliases) && !m.disjointRows(se, aliases) {
			hint := "pass the slice with its bounds, or index the whole slice"
			if ix, ok := ast.Unparen(se.X).(*ast.IndexExpr); ok && se.Low == nil {
				// hits[k][:0], w.slots[w.pos][:0]: the filter-in-place idiom translates on a variable
				what := "element"
				if mapElem(p.info.TypeOf(ix.X)) != nil {
					what = "map's element"
				}
				hint = "take the " + what + " into a variable first, h := " + types.ExprString(ix) + ", and sub-slice h"
			}
			p.unsupported(se, "a sub-slice of a slice whose elements are written (in Go they share the backing array; here the sub-slice is a copy)", hint)
		}
	}
	for _, c := range results {
		// the call writes the elements of its operand itself (again, when it runs
		// again): unless nothing else holds them, the copy it returns may show
		if aliases.source(c.Args[0]) != nil && !fresh(p, c.Args[0]) && !p.onlyWrittenBy(aliases, c, tainted) && !m.madeForReturn(c) {
			name, rest := calleeName(p, c), ", ...)"
			if len(c.Args) == 1 {
				rest = ")"
			}
			p.unsupported(c, "the result of "+name+" kept beside the slice it was given (in Go they share the backing array, which the call writes; here the result is a copy)",
				"assign it to that slice: s = "+name+"(s"+rest)
		}
	}
}

// readArgs: the arguments of a call of one of the program's functions that never
// blocks whose parameter it only reads (readsOnly): a copy of a sub-slice passed
// there reads what the sub-slice would, in the one step the call takes.
func (m *module) readArgs(call *ast.CallExpr) []int {
	id := calleeIdent(call.Fun)
	if id == nil {
		return nil
	}
	var u *unit
	var fn *types.Func // nil for a closure: sum := func(part []int) int {...}; sum(xs[:2])
	switch obj := m.p.info.Uses[id].(type) {
	case *types.Func:
		fn = obj.Origin()
		if u = m.a.byFunc[fn]; u != nil && u.decl == nil {
			u = nil
		}
	case *types.Var:
		if lit := m.a.litVar[obj]; lit != nil && m.a.assigns[obj] == 0 {
			u = m.a.byLit[lit]
		}
	}
	if u == nil || u.gen || call.Ellipsis.IsValid() || m.reading[u] {
		return nil // a call back into a function being asked of reads nothing for sure
	}
	if m.reading == nil {
		m.reading = map[*unit]bool{}
	}
	m.reading[u] = true
	defer delete(m.reading, u)
	params := u.sig.Params()
	var read []int
	for i := range call.Args {
		if i >= params.Len() || u.sig.Variadic() && i >= params.Len()-1 {
			break
		}
		if isSliceType(params.At(i).Type()) && m.readsOrPrints(u.body, params.At(i), fn, i) {
			read = append(read, i)
		}
	}
	return read
}

// readsReceiver: sel calls a method of the program with a value receiver of a
// slice type that never blocks and only reads or prints its receiver (as readArgs
// asks of a parameter), so a sub-slice it is called on is read as it stands.
func (m *module) readsReceiver(sel *ast.SelectorExpr) bool {
	s := m.p.info.Selections[sel]
	if s == nil || s.Kind() != types.MethodVal {
		return false
	}
	fn, ok := s.Obj().(*types.Func)
	if !ok {
		return false
	}
	u := m.a.byFunc[fn.Origin()]
	if u == nil || u.decl == nil || u.gen || m.reading[u] {
		return false
	}
	recv := u.sig.Recv()
	if recv == nil || isPointer(recv.Type()) || !isSliceType(recv.Type()) || recv.Name() == "" || recv.Name() == "_" {
		return false
	}
	if m.reading == nil {
		m.reading = map[*unit]bool{}
	}
	m.reading[u] = true
	defer delete(m.reading, u)
	return m.readsOrPrints(u.body, recv, nil, -1)
}

// readsOnly: body, of the function fn whose parameter at is v, uses the slice v only
// to read it where it stands: ranges over it or a sub-slice of it, reads its
// elements and their fields (not a method of one), takes its len or cap, or
// passes it or a sub-slice of it back to fn as the same parameter (count(xs[:mid])
// + count(xs[mid:]); none if fn is nil); no closure of body uses it.
func readsOnly(p *program, body *ast.BlockStmt, v types.Object, fn *types.Func, at int) bool {
	return readsOnlyBy(p, body, v, fn, at, nil, false)
}

// readsOrPrints is readsOnly where v may also be printed (fmt's and log's prints
// keep nothing) or given, or a sub-slice of it, to the arguments a call only reads
// (module.readArgs): the slice is read as it stands, as its copy would be.
func (m *module) readsOrPrints(body *ast.BlockStmt, v types.Object, fn *types.Func, at int) bool {
	return readsOnlyBy(m.p, body, v, fn, at, m.readArgs, true)
}

// plainlyRead: a function that blocks uses its slice parameter v only where it
// reads it at once: indexed, its length, ranged over whole, printed or given to
// the library's reads; never sub-sliced, written, captured or handed on.
func plainlyRead(p *program, body *ast.BlockStmt, v types.Object) bool {
	if !readsOnlyBy(p, body, v, nil, -1, nil, true) {
		return false
	}
	ok := true
	ast.Inspect(body, func(n ast.Node) bool {
		if se, isSlice := n.(*ast.SliceExpr); isSlice && usesObj(p, se.X, v) {
			ok = false
		}
		return ok
	})
	return ok
}

func readsOnlyBy(p *program, body *ast.BlockStmt, v types.Object, fn *types.Func, at int, reads func(*ast.CallExpr) []int, prints bool) bool {
	writes := map[*ast.IndexExpr]bool{} // xs[i] = v, xs[i]++, &xs[i], xs[i].f
	target := func(e ast.Expr) {
		eachIndex(e, func(x *ast.IndexExpr) { writes[x] = true })
	}
	allowed := map[*ast.Ident]bool{}
	ok := true
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			ok = ok && !usesObj(p, n.Body, v)
			return false
		case *ast.AssignStmt:
			for _, l := range n.Lhs {
				target(l)
			}
		case *ast.IncDecStmt:
			target(n.X)
		case *ast.UnaryExpr:
			if n.Op == token.AND {
				target(n.X)
			}
		case *ast.SelectorExpr:
			if s := p.info.Selections[n]; s == nil || s.Kind() != types.FieldVal {
				target(n.X) // a method of an element: perhaps it writes it
			}
		case *ast.RangeStmt:
			x := ast.Unparen(n.X)
			if se, isSlice := x.(*ast.SliceExpr); isSlice {
				x = ast.Unparen(se.X) // for _, s := range part[1:]
			}
			if id, isID := x.(*ast.Ident); isID {
				allowed[id] = true
			}
		case *ast.IndexExpr:
			if id, isID := ast.Unparen(n.X).(*ast.Ident); isID && !writes[n] {
				allowed[id] = true
			}
		case *ast.CallExpr:
			if name := calleeName(p, n); (name == "len" || name == "cap") && len(n.Args) == 1 {
				if id, isID := ast.Unparen(n.Args[0]).(*ast.Ident); isID {
					allowed[id] = true
				}
			}
			if reads != nil {
				for _, i := range reads(n) {
					arg := ast.Unparen(n.Args[i])
					if se, isSlice := arg.(*ast.SliceExpr); isSlice {
						arg = ast.Unparen(se.X)
					}
					if id, isID := arg.(*ast.Ident); isID {
						allowed[id] = true // Sum(part): read in the call
					}
				}
			}
			for _, i := range libraryReads(p, n) {
				// not for readsOnly, whose ...T parameter stays a tuple the library cannot take
				arg := ast.Unparen(n.Args[i])
				if se, isSlice := arg.(*ast.SliceExpr); isSlice {
					arg = ast.Unparen(se.X) // binary.BigEndian.Uint16(b[2:])
				}
				if id, isID := arg.(*ast.Ident); isID && reads != nil {
					allowed[id] = true // bytes.IndexByte(item, 'A'): read in the call, kept by no one
				}
			}
			if ops, _ := fmtOperands(p, n); prints && ops != nil && !n.Ellipsis.IsValid() {
				for _, op := range ops {
					if id, isID := ast.Unparen(op).(*ast.Ident); isID {
						allowed[id] = true // fmt.Println(part): printed as it stands
					}
				}
			}
			if callee, isFn := p.info.Uses[identOf(ast.Unparen(n.Fun))].(*types.Func); isFn && fn != nil && callee.Origin() == fn && at < len(n.Args) && !n.Ellipsis.IsValid() {
				arg := ast.Unparen(n.Args[at])
				if se, isSlice := arg.(*ast.SliceExpr); isSlice && se.Max == nil {
					arg = ast.Unparen(se.X)
				}
				if id, isID := arg.(*ast.Ident); isID {
					allowed[id] = true // the recursion reads it as this call does
				}
			}
		}
		return ok
	})
	// every use of v must be one of those (a statement marks its targets as writes
	// before the walk reaches them, so no write is allowed)
	return ok && onlyAllowed(p, body, v, allowed)
}

// eachIndex calls visit with each index expression of the assignment target e, the
// outermost first: xs[i] of xs[i].f = v, then m[k] of m[k][i] = v.
func eachIndex(e ast.Expr, visit func(*ast.IndexExpr)) {
	for {
		switch x := ast.Unparen(e).(type) {
		case *ast.IndexExpr:
			visit(x)
			e = x.X
		case *ast.SelectorExpr:
			e = x.X
		case *ast.StarExpr:
			e = x.X
		default:
			return
		}
	}
}

// fieldOf: the struct field e selects (h.data), or nil.
func fieldOf(p *program, e ast.Expr) *types.Var {
	sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
	if !ok {
		return nil
	}
	if s := p.info.Selections[sel]; s != nil && s.Kind() == types.FieldVal {
		v, _ := s.Obj().(*types.Var)
		return v
	}
	return nil
}

// onlyAllowed: every use of v in body is one of the identifiers allowed.
func onlyAllowed(p *program, body *ast.BlockStmt, v types.Object, allowed map[*ast.Ident]bool) bool {
	ok := true
	ast.Inspect(body, func(n ast.Node) bool {
		if id, isID := n.(*ast.Ident); isID && p.info.Uses[id] == v && !allowed[id] {
			ok = false
		}
		return ok
	})
	return ok
}

// selfSlicing: the slice expression of s = s[a:b] or s = append(s[:i], ...), which
// replaces its own operand (nothing else holds the sub-slice), or nil.
func (m *module) selfSlicing(lhs, rhs ast.Expr) *ast.SliceExpr {
	p := m.p
	end := rhs.End() - 1 // its closing parenthesis: the statement's last position
	rhs = ast.Unparen(rhs)
	if c, ok := rhs.(*ast.CallExpr); ok && calleeName(p, c) == "append" && len(c.Args) > 0 {
		rhs = ast.Unparen(c.Args[0])
	}
	if se, ok := rhs.(*ast.SliceExpr); ok && !emptied(p, se) && (sameVar(p, se.X, lhs) || sameElement(p, se.X, lhs) || samePointee(p, se.X, lhs) ||
		m.loadedFrom(se.X, lhs, end)) {
		return se
	}
	return nil
}

// loadedFrom: x is a local variable declared with the place lhs as its value (list
// := b.subs[topic]), never assigned again nor its address taken, and not used
// after at: lhs = append(x[:i], x[i+1:]...) then replaces the array where x came
// from, as s = append(s[:i], s[i+1:]...) does its own.
func (m *module) loadedFrom(x, lhs ast.Expr, at token.Pos) bool {
	p := m.p
	id, ok := ast.Unparen(x).(*ast.Ident)
	if !ok {
		return false
	}
	v, ok := p.info.Uses[id].(*types.Var)
	if !ok || v.Parent() == nil || v.Parent() == v.Pkg().Scope() || m.a.assigns[v] > 0 || m.p.addressTaken(v) {
		return false
	}
	values, known := p.assignedValues(v) // the value it is declared with
	return known && len(values) == 1 && samePlace(p, values[0], lhs) && !p.usedAfter(v, at)
}

// samePointee: a and b are *ptr of one pointer variable (*slot = append((*slot)[:i],
// ...)): the statement replaces what ptr points to; placesOf says where that is.
func samePointee(p *program, a, b ast.Expr) bool {
	sa, ok := ast.Unparen(a).(*ast.StarExpr)
	sb, ok2 := ast.Unparen(b).(*ast.StarExpr)
	return ok && ok2 && sameVar(p, sa.X, sb.X)
}

// place: a slice a pointer may point to (x of &x), and where the holders of x's
// array count: the re-slice through the pointer, or the call that passed &x.
type place struct {
	x  ast.Expr
	at token.Pos
	// anywhere: the pointer went into an interface there, whose methods may run
	// at any later point, so a holder of x's array anywhere in x's function counts
	anywhere bool
}

// placesOf: every place the pointer of *ptr may point to where *ptr is re-sliced
// (at): for a local pointer, each &x it is given (book, opp := &s.bids, &s.asks);
// for a pointer parameter of a function, each &x its calls pass. ok is false when
// a value of ptr is not an &x seen here (a pointer copied, stored, reassigned, or
// a function called as a value).
func (p *program) placesOf(a *sliceAliases, star *ast.StarExpr, at token.Pos) (places []place, ok bool) {
	id, isIdent := ast.Unparen(star.X).(*ast.Ident)
	if !isIdent {
		return nil, false
	}
	v, isVar := p.info.Uses[id].(*types.Var)
	if !isVar || v.IsField() || v.Parent() == nil || v.Parent() == v.Pkg().Scope() {
		return nil, false
	}
	addressOf := func(e ast.Expr) (ast.Expr, bool) {
		u, ok := ast.Unparen(e).(*ast.UnaryExpr)
		if !ok || u.Op != token.AND {
			return nil, false
		}
		return u.X, true
	}
	if m := p.receiverOf(v); m != nil {
		places, ok = p.receiverPlaces(m, map[*types.Func]bool{})
		return places, ok && !p.copiedPlace(places)
	}
	fn, param := p.paramOf(v)
	if fn == nil && p.signatureVar(v) {
		return nil, false // a closure's or a method's: its calls are not followed
	}
	ok = true
	defined := fn != nil // a local: by p := &x or var p = ..., not by a range or a select
	uses, calls := 0, 0
	for _, f := range p.files {
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.Ident:
				if g, isFn := p.info.Uses[n].(*types.Func); isFn && fn != nil && g.Origin() == fn {
					uses++
				}
			case *ast.CallExpr:
				if fn != nil && a.callee(n) == fn && param < len(n.Args) {
					calls++
					x, isAddr := addressOf(n.Args[param])
					ok = ok && isAddr
					places = append(places, place{x, n.Pos(), false})
				}
			case *ast.AssignStmt:
				for i, l := range n.Lhs {
					lid, isIdent := ast.Unparen(l).(*ast.Ident)
					if !isIdent || p.info.Defs[lid] != v && p.info.Uses[lid] != v {
						continue
					}
					defined = defined || p.info.Defs[lid] == v
					x, isAddr := ast.Expr(nil), false
					if len(n.Lhs) == len(n.Rhs) && fn == nil {
						x, isAddr = addressOf(n.Rhs[i])
					}
					ok = ok && isAddr
					places = append(places, place{x, at, false})
				}
			case *ast.ValueSpec:
				for i, name := range n.Names {
					defined = defined || p.info.Defs[name] == v
					if p.info.Defs[name] == v && i < len(n.Values) {
						x, isAddr := addressOf(n.Values[i])
						ok = ok && isAddr
						places = append(places, place{x, at, false})
					}
				}
			case *ast.UnaryExpr:
				if vid, isIdent := ast.Unparen(n.X).(*ast.Ident); isIdent && n.Op == token.AND && p.info.Uses[vid] == v {
					ok = false
				}
			}
			return ok
		})
	}
	return places, ok && defined && uses == calls && !p.copiedPlace(places)
}

// literalPointer: e is a local variable declared with the address of a composite
// literal (h := &IntHeap{5, 2, 8}), never assigned again nor its address taken:
// the literal's slice is a place no other variable names, as heap.Push(&IntHeap{...})'s.
func (p *program) literalPointer(e ast.Expr) bool {
	id, isIdent := ast.Unparen(e).(*ast.Ident)
	if !isIdent {
		return false
	}
	v, isVar := p.info.Uses[id].(*types.Var)
	if !isVar || v.IsField() || v.Parent() == nil || v.Parent() == v.Pkg().Scope() {
		return false
	}
	declared, other := false, false
	for _, f := range p.files {
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.AssignStmt:
				for i, l := range n.Lhs {
					lid, isIdent := ast.Unparen(l).(*ast.Ident)
					if !isIdent || p.info.ObjectOf(lid) != v {
						continue
					}
					u, isAddr := ast.Expr(nil), false
					if len(n.Lhs) == len(n.Rhs) {
						u, isAddr = n.Rhs[i], true
					}
					addr, isUnary := ast.Unparen(u).(*ast.UnaryExpr)
					if isAddr && isUnary && addr.Op == token.AND && p.info.Defs[lid] == v {
						if _, isLit := ast.Unparen(addr.X).(*ast.CompositeLit); isLit && !declared {
							declared = true
							continue
						}
					}
					other = true
				}
			case *ast.UnaryExpr:
				if n.Op == token.AND && ast.Unparen(n.X) != nil {
					if vid, isIdent := ast.Unparen(n.X).(*ast.Ident); isIdent && p.info.Uses[vid] == v {
						other = true
					}
				}
			}
			return !other
		})
	}
	return declared && !other
}

// copiedPlace: one of places is, or is a field of, a parameter or a receiver that
// is no pointer (pop(&s) of a func drain(s []int)): a copy of its caller's, whose
// array the caller's still holds, which this function's writes after the
// re-slice reach in Go.
func (p *program) copiedPlace(places []place) bool {
	for _, pl := range places {
		x := pl.x
		for {
			if sel, ok := ast.Unparen(x).(*ast.SelectorExpr); ok && p.info.Selections[sel] != nil {
				x = sel.X
				continue
			}
			if ix, ok := ast.Unparen(x).(*ast.IndexExpr); ok {
				x = ix.X
				continue
			}
			break
		}
		if id, ok := ast.Unparen(x).(*ast.Ident); ok {
			if v, ok := p.info.Uses[id].(*types.Var); ok && !isPointer(v.Type()) && p.signatureVar(v) {
				return true
			}
		}
	}
	return false
}

// pointee: the place *ptr is, for a local ptr defined as ptr := &place and never
// assigned again nor its address taken; nil otherwise.
func pointee(p *program, star *ast.StarExpr) ast.Expr {
	id, ok := ast.Unparen(star.X).(*ast.Ident)
	if !ok {
		return nil
	}
	v, ok := p.info.Uses[id].(*types.Var)
	if !ok || v.IsField() || v.Parent() == nil || v.Parent() == v.Pkg().Scope() {
		return nil
	}
	var place ast.Expr
	again := false
	for _, f := range p.files {
		if f.Pos() > v.Pos() || v.Pos() >= f.End() {
			continue
		}
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.AssignStmt:
				for i, l := range n.Lhs {
					lid, ok := ast.Unparen(l).(*ast.Ident)
					if !ok {
						continue
					}
					if p.info.Defs[lid] == v && len(n.Lhs) == len(n.Rhs) {
						if u, ok := ast.Unparen(n.Rhs[i]).(*ast.UnaryExpr); ok && u.Op == token.AND {
							place = u.X
						}
					} else if p.info.Uses[lid] == v {
						again = true
					}
				}
			case *ast.UnaryExpr:
				if id, ok := ast.Unparen(n.X).(*ast.Ident); ok && n.Op == token.AND && p.info.Uses[id] == v {
					again = true
				}
			}
			return !again
		})
	}
	if again {
		return nil
	}
	return place
}

// receiverOf: the method of the program whose pointer receiver v is, or nil.
func (p *program) receiverOf(v *types.Var) *types.Func {
	for _, f := range p.files {
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Recv == nil || len(fd.Recv.List) != 1 || len(fd.Recv.List[0].Names) != 1 {
				continue
			}
			if p.info.Defs[fd.Recv.List[0].Names[0]] == v && isPointer(v.Type()) {
				m, _ := p.info.Defs[fd.Name].(*types.Func)
				return m
			}
		}
	}
	return nil
}

// signatureVar: v is a parameter, a result or the receiver of a function, a
// method or a closure: declared by a field list's name, as no local variable is.
func (p *program) signatureVar(v *types.Var) bool {
	found := false
	for _, f := range p.files {
		ast.Inspect(f, func(n ast.Node) bool {
			if field, ok := n.(*ast.Field); ok {
				for _, name := range field.Names {
					found = found || p.info.Defs[name] == v
				}
			}
			return !found
		})
	}
	return found
}

// receiverPlaces: every place the pointer receiver of method m points to: at each
// call, the variable it is called on (d.Deal(2) of a Deck d is Go's (&d).Deal(2)),
// the x of (&x).Deal(2), or the places of the receiver of a method that calls m
// on its own receiver. ok is false where a *T may come from elsewhere: a pointer
// variable or field, an interface holding one, m used but not called (a method
// value).
func (p *program) receiverPlaces(m *types.Func, seen map[*types.Func]bool) (places []place, ok bool) {
	if seen[m] {
		return nil, true
	}
	seen[m] = true
	recv := namedOf(m.Type().(*types.Signature).Recv().Type())
	ok = true
	p.assignments(func(e ast.Expr, t types.Type) {
		if n := namedOf(p.info.TypeOf(e)); t != nil && types.IsInterface(t) && isPointer(p.info.TypeOf(e)) && n != nil && recv != nil && n.Origin() == recv.Origin() {
			if u, isAddr := ast.Unparen(e).(*ast.UnaryExpr); isAddr && u.Op == token.AND {
				// heap.Push(&cal, x): the interface's methods are called on &cal
				if _, isLit := ast.Unparen(u.X).(*ast.CompositeLit); !isLit {
					places = append(places, place{u.X, e.Pos(), true})
				}
				return
			}
			if p.literalPointer(e) {
				return // heap.Push(h, x) of an h := &IntHeap{...}: a literal only h reaches
			}
			ok = false // d held by an interface: its methods' calls are not followed
		}
	})
	called := map[*ast.Ident]bool{}
	for _, f := range p.files {
		ast.Inspect(f, func(n ast.Node) bool {
			c, isCall := n.(*ast.CallExpr)
			if !isCall {
				return true
			}
			sel, isSel := ast.Unparen(c.Fun).(*ast.SelectorExpr)
			if !isSel {
				return true
			}
			if g, isFn := p.info.Uses[sel.Sel].(*types.Func); !isFn || g.Origin() != m {
				return true
			}
			called[sel.Sel] = true
			x := ast.Unparen(sel.X)
			if !isPointer(p.info.TypeOf(x)) {
				places = append(places, place{x, c.Pos(), false}) // Go's &x
				return true
			}
			if u, isAddr := x.(*ast.UnaryExpr); isAddr && u.Op == token.AND {
				places = append(places, place{u.X, c.Pos(), false})
				return true
			}
			if id, isIdent := x.(*ast.Ident); isIdent {
				if v, isVar := p.info.Uses[id].(*types.Var); isVar {
					if g := p.receiverOf(v); g != nil {
						more, known := p.receiverPlaces(g, seen)
						places, ok = append(places, more...), ok && known
						return true
					}
				}
			}
			if p.literalPointer(x) {
				return true // h.Len() of an h := &IntHeap{...}
			}
			ok = false
			return true
		})
	}
	for id, obj := range p.info.Uses {
		if g, isFn := obj.(*types.Func); isFn && g.Origin() == m && !called[id] {
			ok = false
		}
	}
	return places, ok
}

// sameElement: a and b are the same element of a slice or an array of slices, s[i]
// of one variable and one index (stacks[from] = stacks[from][:n], a pop from one
// of several stacks).
func sameElement(p *program, a, b ast.Expr) bool {
	ia := sameIndexed(p, a, b)
	return ia != nil && isSliceType(p.info.TypeOf(ia)) && elemType(p.info.TypeOf(ia.X)) != nil
}

// onlyWrittenBy: the call c (slices.DeleteFunc(s, f) and kin), which writes the
// elements of its operand s, is the one write of s's backing array group, and
// nothing appends to a member of the group (an append to the result would write
// s's array past the result's end): s and the copy c returns hold the same
// elements for as long as either lives, as Go's slice and sub-slice do.
func (p *program) onlyWrittenBy(a *sliceAliases, c *ast.CallExpr, tainted map[any][]ast.Node) bool {
	root := a.find(a.source(c.Args[0]))
	writes := tainted[root]
	if len(writes) != 1 || writes[0] != c.Args[0] {
		return false
	}
	appended := false
	for _, f := range p.files {
		ast.Inspect(f, func(n ast.Node) bool {
			if ap, ok := n.(*ast.CallExpr); ok && calleeName(p, ap) == "append" && len(ap.Args) > 0 {
				if src := a.source(ap.Args[0]); src != nil && a.find(src) == root {
					appended = true
				}
			}
			return !appended
		})
	}
	return !appended
}

// replacingDeletes: the sub-slices p[:i] of return append(p[:i], p[j:]...), or of
// return p[:0], in a function of the program whose every use is a call whose
// result replaces the slice it was given, s = remove(s, i), batch = flush(batch),
// where no other variable in scope holds that slice's array: as s =
// append(s[:i], s[i+1:]...) written out (selfSlice), the copy the call returns
// replaces the slice whose array Go's append writes.
func (p *program) replacingDeletes(a *sliceAliases) map[*ast.SliceExpr]bool {
	found := map[*ast.SliceExpr]bool{}
	called := p.interfaceMethods()
	for _, f := range p.files {
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Body == nil || fd.Recv != nil && called[fd.Name.Name] {
				continue // a method an interface may call, with no call of it to see
			}
			fn, _ := p.info.Defs[fd.Name].(*types.Func)
			sig, _ := fn.Type().(*types.Signature)
			var deletes []*ast.SliceExpr
			at, appends := -1, false
			ast.Inspect(fd.Body, func(n ast.Node) bool {
				if _, lit := n.(*ast.FuncLit); lit {
					return false
				}
				ret, ok := n.(*ast.ReturnStmt)
				if !ok || len(ret.Results) != 1 {
					return true
				}
				se, ok := ast.Unparen(ret.Results[0]).(*ast.SliceExpr) // return batch[:0]
				if c, call := ast.Unparen(ret.Results[0]).(*ast.CallExpr); call && calleeName(p, c) == "append" && len(c.Args) > 1 {
					se, ok = ast.Unparen(c.Args[0]).(*ast.SliceExpr)
					appends = appends || ok
				}
				if !ok {
					return true
				}
				if id, ok := ast.Unparen(se.X).(*ast.Ident); ok {
					for i := 0; i < sig.Params().Len(); i++ {
						if sig.Params().At(i) == p.info.Uses[id] && (at < 0 || at == i) {
							at = i
							deletes = append(deletes, se)
						}
					}
				}
				return true
			})
			if len(deletes) == 0 || !deletesOnly(p, fd.Body, sig.Params().At(at)) {
				continue
			}
			// the groups as if fn's result were a new array, which no other argument
			// shares through its parameter: fn keeps nothing of it (deletesOnly)
			readOnly := map[*types.Var]bool{sig.Params().At(at): true}
			for v := range a.readOnly {
				readOnly[v] = true
			}
			apart := &sliceAliases{p: p, parent: map[any]any{}, readOnly: readOnly, fresh: map[*types.Func]bool{fn: true}}
			apart.build()
			if p.everyCallReplaces(apart, fn, at, !appends) {
				for _, se := range deletes {
					found[se] = true
				}
			}
		}
	}
	return found
}

// interfaceMethods: the names of the methods the program's interface types declare.
func (p *program) interfaceMethods() map[string]bool {
	names := map[string]bool{}
	for _, obj := range p.info.Defs {
		if fn, ok := obj.(*types.Func); ok {
			if recv := fn.Type().(*types.Signature).Recv(); recv != nil && types.IsInterface(recv.Type()) {
				names[fn.Name()] = true
			}
		}
	}
	return names
}

// paramOf: the function of the program (not a method or a closure) whose at-th
// parameter v is; nil for another variable.
func (p *program) paramOf(v types.Object) (fn *types.Func, at int) {
	for _, f := range p.files {
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && fd.Recv == nil {
				g, _ := p.info.Defs[fd.Name].(*types.Func)
				if g == nil {
					continue
				}
				params := g.Type().(*types.Signature).Params()
				for i := 0; i < params.Len(); i++ {
					if params.At(i) == v {
						return g, i
					}
				}
			}
		}
	}
	return nil, -1
}

// deletesOnly: body uses its parameter v only by its elements, its length, as
// the source of a copy, as the operand of the sub-slices its returns append or
// are, and as a result itself: it keeps nothing of v.
func deletesOnly(p *program, body *ast.BlockStmt, v *types.Var) bool {
	allowed := map[*ast.Ident]bool{}
	ast.Inspect(body, func(n ast.Node) bool {
		var x ast.Expr
		switch n := n.(type) {
		case *ast.IndexExpr:
			x = n.X
		case *ast.RangeStmt:
			x = n.X
		case *ast.CallExpr:
			if name := calleeName(p, n); (name == "len" || name == "cap") && len(n.Args) == 1 {
				x = n.Args[0]
			} else if name == "copy" && len(n.Args) == 2 {
				x = n.Args[1] // copy(out, batch) reads it
			}
		case *ast.ReturnStmt:
			if len(n.Results) == 1 {
				x = n.Results[0] // return s, where nothing was removed: its caller's own
				if se, ok := ast.Unparen(x).(*ast.SliceExpr); ok {
					x = se.X // return batch[:0]
				}
				if c, ok := ast.Unparen(n.Results[0]).(*ast.CallExpr); ok && calleeName(p, c) == "append" {
					for _, arg := range c.Args {
						if se, ok := ast.Unparen(arg).(*ast.SliceExpr); ok {
							if id, ok := ast.Unparen(se.X).(*ast.Ident); ok {
								allowed[id] = true
							}
						}
					}
				}
			}
		}
		if id, ok := ast.Unparen(x).(*ast.Ident); ok && x != nil {
			allowed[id] = true
		}
		return true
	})
	return onlyAllowed(p, body, v, allowed)
}

// everyCallReplaces: each use of fn is a call s = fn(..., s, ...), s its at-th
// argument, where no other variable in scope holds s's array (otherHolder), or
// where dropped (fn only sub-slices s: no append of its writes s's array) a
// call whose result is dropped.
func (p *program) everyCallReplaces(a *sliceAliases, fn *types.Func, at int, dropped bool) bool {
	uses, replacing := 0, 0
	isFn := func(obj types.Object) bool {
		g, ok := obj.(*types.Func)
		return ok && g.Origin() == fn // remove[T any]: each instance's
	}
	for _, obj := range p.info.Uses {
		if isFn(obj) {
			uses++
		}
	}
	for _, f := range p.files {
		ast.Inspect(f, func(n ast.Node) bool {
			if s, ok := n.(*ast.ExprStmt); ok && dropped {
				if c, ok := ast.Unparen(s.X).(*ast.CallExpr); ok && a.callee(c) == fn {
					replacing++ // b.flush(batch, "close"): the result is dropped
				}
				return true
			}
			as, ok := n.(*ast.AssignStmt)
			if !ok || as.Tok != token.ASSIGN || len(as.Lhs) != 1 || len(as.Rhs) != 1 {
				return true
			}
			c, ok := ast.Unparen(as.Rhs[0]).(*ast.CallExpr)
			if !ok || at >= len(c.Args) {
				return true
			}
			if a.callee(c) == fn && sameVar(p, as.Lhs[0], c.Args[at]) { // remove[int](s, i) too
				root := a.find(a.source(as.Lhs[0]))
				if p.otherHolder(a, root, as.Lhs[0], c.Pos(), true) == nil {
					replacing++
				}
			}
			return true
		})
	}
	return uses > 0 && uses == replacing
}

// selfSlice: s = s[a:b] or s = append(s[:i], ...) (se, s[a:b]; lhs, s), whose
// copy stands for the sub-slice; appends: the append adds elements, which Go's
// writes into s's array where they fit.
type selfSlice struct {
	se      *ast.SliceExpr
	lhs     ast.Expr
	appends bool
}

// grownByAppend: the variable lhs is appended to, lhs = append(lhs, ...), anywhere (a
// loop may run an append written before a re-slice after it).
// roomAsked: the variable x is given to cap or append (whose result shares its
// array while it has room).
func roomAsked(p *program, x ast.Expr) bool {
	found := false
	for _, f := range p.files {
		ast.Inspect(f, func(n ast.Node) bool {
			if c, ok := n.(*ast.CallExpr); ok && len(c.Args) > 0 && !found {
				name := calleeName(p, c)
				found = (name == "cap" || name == "append") && sameVar(p, c.Args[0], x)
			}
			return !found
		})
	}
	return found
}

func grownByAppend(p *program, lhs ast.Expr) bool {
	found := false
	for _, f := range p.files {
		ast.Inspect(f, func(n ast.Node) bool {
			a, ok := n.(*ast.AssignStmt)
			if !ok || found || len(a.Lhs) != 1 || len(a.Rhs) != 1 || !sameVar(p, a.Lhs[0], lhs) {
				return !found
			}
			if c, ok := ast.Unparen(a.Rhs[0]).(*ast.CallExpr); ok && calleeName(p, c) == "append" && len(c.Args) > 1 &&
				sameVar(p, c.Args[0], lhs) {
				found = true
			}
			return !found
		})
	}
	return found
}

// rangedOver: at sits in the body of a range over lhs that reads its elements,
// and that runs on after at's statement (for i, x := range xs { xs =
// append(xs[:i], ...) }, with no break right after).
func rangedOver(p *program, at ast.Node, lhs ast.Expr) bool {
	path := p.pathOf(at)
	_, body := enclosingFunc(path)
	for _, n := range path {
		r, ok := n.(*ast.RangeStmt)
		if !ok || r.Body.Pos() > at.Pos() || at.Pos() >= r.Body.End() || !sameVar(p, r.X, lhs) {
			continue
		}
		if id, ok := r.Value.(*ast.Ident); ok && id.Name != "_" && body != nil && !leftAfter(body, r, at.Pos()) {
			return true
		}
	}
	return false
}

// appendsInto: rhs is append(s[a:b], x...) with elements to add, which Go may
// write into s's array (append(s[a:i:i], ...) copies into a new one).
func appendsInto(p *program, rhs ast.Expr) bool {
	c, ok := ast.Unparen(rhs).(*ast.CallExpr)
	return ok && calleeName(p, c) == "append" && len(c.Args) > 1 && !cappedAppend(p, c) // s[:i:i] has no room: a new array
}

// otherHolder: a variable of the backing array group root but lhs's own that may
// hold the array where lhs is re-sliced (at): a variable in scope there (a local,
// a parameter of the function, a captured one, a global), or with fields another
// field (which a struct passed in may hold: an append writes the array there
// and then). A variable of another function (a caller's, a callee's parameter)
// holds it only through a call, which the checks of parameters see.
func (p *program) otherHolder(a *sliceAliases, root any, lhs ast.Expr, at token.Pos, fields bool) *types.Var {
	own, _ := a.source(lhs).(*types.Var)
	if star, ok := ast.Unparen(lhs).(*ast.StarExpr); ok {
		if place := pointee(p, star); place != nil {
			own, _ = a.source(place).(*types.Var) // *slot of slot := &w.slots[k]: that place is lhs's own
		} else if id, ok := ast.Unparen(star.X).(*ast.Ident); ok {
			own, _ = p.info.Uses[id].(*types.Var) // a pointer receiver, grouped with what it is called on
		}
	}
	return firstHolder(a, root, own, fields, elemType(p.info.TypeOf(lhs)), func(v *types.Var) bool {
		return v.Parent().Pos() <= at && at < v.Parent().End() && v.Pos() < at && p.usedAfter(v, at)
	})
}

// heldElsewhere: a local variable of another function that holds the array of
// lhs, a field's or a global's slice re-sliced into itself at, and is used after
// a call that may run the re-slice (got := inv.Items(); inv.Remove(0);
// fmt.Println(got)): Go's got and the field share what either writes. A
// parameter's callers are checked as such.
func (p *program) heldElsewhere(a *sliceAliases, root any, lhs ast.Expr, at token.Pos) *types.Var {
	own, _ := a.source(lhs).(*types.Var)
	if own == nil || !own.IsField() && own.Parent() != own.Pkg().Scope() {
		return nil
	}
	return firstHolder(a, root, own, false, elemType(p.info.TypeOf(lhs)), func(v *types.Var) bool {
		outside := !(v.Parent().Pos() <= at && at < v.Parent().End())
		return outside && len(elemTypes(v.Type())) > 0 && p.heldAcrossCall(v)
	})
}

// runsAfter: w may run after the position at: it follows at, or a loop holds both
// (p[0] = 'z'; p = p[1:] in a loop, whose next iteration writes the re-slice).
func (p *program) runsAfter(w ast.Node, at token.Pos) bool {
	if w.Pos() > at {
		return true
	}
	looped := false
	for _, f := range p.files {
		ast.Inspect(f, func(n ast.Node) bool {
			if looped || n == nil || !(n.Pos() <= at && at < n.End()) {
				return false
			}
			switch n.(type) {
			case *ast.ForStmt, *ast.RangeStmt:
				looped = n.Pos() <= w.Pos() && w.Pos() < n.End()
			}
			return !looped
		})
	}
	return looped
}

// heldAcrossCall: the local variable v is read after a call that may run the
// program's code (its function, method or func value), made after v is declared.
func (p *program) heldAcrossCall(v *types.Var) bool {
	end := v.Parent().End()
	held := false
	for _, f := range p.files {
		ast.Inspect(f, func(n ast.Node) bool {
			if held || n == nil || n.End() <= v.Pos() || n.Pos() >= end {
				return false
			}
			if c, ok := n.(*ast.CallExpr); ok && c.Pos() > v.Pos() && !p.info.Types[c.Fun].IsType() {
				// "" names a function, a method or a func value of the program's; a
				// builtin has its own name, a library function its package's
				name := calleeName(p, c)
				if (name == "" || programCallee(p, c)) && p.usedAfter(v, c.End()) {
					held = true
				}
			}
			return !held
		})
	}
	return held
}

// writesInto: the writes (each of a slice's element: the slice written) that may
// write an array of elem's. A group holds a slice of slices and its rows alike, but
// a sub-slice of rows (sub := base[1:]) shares its rows with its copy: a write into
// a row, sub[0][0] = v of a []float64, is seen through both.
func (p *program) writesInto(writes []ast.Node, elem types.Type) []ast.Node {
	var into []ast.Node
	for _, w := range writes {
		e := elemType(p.info.TypeOf(w.(ast.Expr)))
		if e == nil || elem == nil || hasTypeParam(e) || hasTypeParam(elem) || types.Identical(e, elem) {
			into = append(into, w)
		}
	}
	return into
}

// mayHoldArray: a variable of type t may hold an array of elem's: a slice or an
// array of elem, or a slice, array or map of those (a [][]int holds rows' arrays);
// not a []string beside a [][]string (top := stack[n-1], then stack = stack[:n-1]:
// the group of the arrays a slice and its elements hold is one here).
func mayHoldArray(t, elem types.Type) bool {
	if elem == nil || hasTypeParam(elem) {
		return true // a Queue[T]'s []T field: a []string of main's holds one
	}
	inner := elemTypes(t)
	if len(inner) == 0 {
		return true // not a slice, an array or a map: not told apart
	}
	for _, e := range inner {
		if types.Identical(e, elem) {
			return true
		}
	}
	return false
}

// firstHolder: the first declared variable of the backing array group root but
// own that may hold an array of elem's (any, for a nil elem): a global, a field
// where fields holds, or a local that counts (a []Piece field holds no array of
// the [][]Piece undo stack its group shares).
func firstHolder(a *sliceAliases, root any, own *types.Var, fields bool, elem types.Type, counts func(v *types.Var) bool) *types.Var {
	var found *types.Var
	if own != nil && own.IsField() {
		own = own.Origin() // r.items in a method of Ring[T]: the field the group holds
	}
	members := []any{root} // the root is no key of parent: out of p := out
	for k := range a.parent {
		if k != root && a.find(k) == root {
			members = append(members, k)
		}
	}
	for _, k := range members {
		v, ok := k.(*types.Var)
		if !ok || v == own || !mayHoldArray(v.Type(), elem) {
			continue
		}
		global := v.Parent() != nil && v.Parent() == v.Pkg().Scope()
		local := !global && v.Parent() != nil && counts(v)
		if (v.IsField() && fields || global || local) && (found == nil || v.Pos() < found.Pos()) {
			found = v
		}
	}
	return found
}

// holderBeside: a variable of the backing array group root but x's own, of x's
// function (wherever in it), a global, or with fields another field.
func (p *program) holderBeside(a *sliceAliases, root any, x ast.Expr, fields bool) *types.Var {
	own, _ := a.source(x).(*types.Var)
	return firstHolder(a, root, own, fields, nil, func(v *types.Var) bool {
		return own != nil && own.Parent() != nil && sameFunction(p, v, own)
	})
}

// sameFunction: the local variables a and b are declared in one function
// declaration (its closures count as the function).
func sameFunction(p *program, a, b *types.Var) bool {
	fa := funcDeclAt(p, a.Pos())
	return fa != nil && fa == funcDeclAt(p, b.Pos())
}

// funcDeclAt: the function declaration of the program around pos, or nil.
func funcDeclAt(p *program, pos token.Pos) *ast.FuncDecl {
	for _, f := range p.files {
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && fd.Pos() <= pos && pos < fd.End() {
				return fd
			}
		}
	}
	return nil
}

// usedAfter: the local variable v is used, but for its length, where the
// function that re-slices at may run after it: later in the function, or
// anywhere in a loop around at that v was declared before (preview := sols;
// preview = preview[:4]; then len(sols) only: what either holds is read through
// preview alone).
func (p *program) usedAfter(v *types.Var, at token.Pos) bool {
	var body *ast.BlockStmt // the innermost function body holding at
	for _, f := range p.files {
		ast.Inspect(f, func(n ast.Node) bool {
			var b *ast.BlockStmt
			switch n := n.(type) {
			case *ast.FuncDecl:
				b = n.Body
			case *ast.FuncLit:
				b = n.Body
			}
			if b != nil && b.Pos() <= at && at < b.End() {
				body = b
			}
			return n == nil || n.Pos() <= at && at < n.End()
		})
	}
	if body == nil || !(body.Pos() <= v.Pos() && v.Pos() < body.End()) {
		return true // a closure's captured variable: a later call, or its function, reads it
	}
	lengths := map[*ast.Ident]bool{}
	var loops []ast.Node
	used := false
	var visit func(n ast.Node) bool
	visit = func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.CallExpr:
			if name := calleeName(p, n); (name == "len" || name == "cap") && len(n.Args) == 1 {
				if id, ok := ast.Unparen(n.Args[0]).(*ast.Ident); ok {
					lengths[id] = true
				}
			}
		case *ast.ForStmt, *ast.RangeStmt:
			if n.Pos() <= at && at < n.End() && !(n.Pos() <= v.Pos() && v.Pos() < n.End()) && !leftAfter(body, n, at) {
				loops = append(loops, n) // each iteration but the first runs after at
			}
		case *ast.Ident:
			if p.info.Uses[n] == v && !lengths[n] {
				if n.Pos() > at {
					used = true
				}
				for _, l := range loops {
					again := l
					if r, ok := l.(*ast.RangeStmt); ok {
						again = r.Body // for i := range q: q is read once, before the first
					}
					if again.Pos() <= n.Pos() && n.Pos() < again.End() {
						used = true
					}
				}
			}
		}
		return !used
	}
	ast.Inspect(body, visit)
	return used
}

// goesOn: n holds a break, continue or goto (a statement that may go on with a
// loop around it), or a loop or a function literal of its own.
func goesOn(n ast.Node) bool {
	found := false
	ast.Inspect(n, func(x ast.Node) bool {
		switch x.(type) {
		case *ast.BranchStmt, *ast.ForStmt, *ast.RangeStmt, *ast.FuncLit:
			found = true
		}
		return !found
	})
	return found
}

// leftAfter: the loop, around at, runs no statement of its again once at's has run:
// the statement holding at is followed in its block, after simple statements (an
// if that neither breaks nor continues among them), by a return or a break of
// that loop (q = append(q[:i], q[i+1:]...); found = true; break), or, at the end
// of an if's branch or of a block, the statement after the if (or the block) is
// (if x == n { drop } else { shrink }; return x).
func leftAfter(body *ast.BlockStmt, loop ast.Node, at token.Pos) bool {
	var path []ast.Node // from body down to the innermost node holding at
	ast.Inspect(body, func(n ast.Node) bool {
		if n == nil || !(n.Pos() <= at && at < n.End()) {
			return false
		}
		path = append(path, n)
		return true
	})
	inner, within := -1, -1 // the innermost block holding at, and the loop's place
	for i, n := range path {
		if n == loop {
			within = i
		}
		if _, ok := n.(*ast.BlockStmt); ok && within >= 0 {
			inner = i
		}
	}
	if inner < 0 || inner+1 >= len(path) {
		return false
	}
	for {
		block := path[inner].(*ast.BlockStmt)
		next := len(block.List)
		for k, st := range block.List {
			if st == path[inner+1] {
				next = k + 1
			}
		}
		for _, st := range block.List[min(next, len(block.List)):] {
			switch st := st.(type) {
			case *ast.ExprStmt, *ast.AssignStmt, *ast.IncDecStmt, *ast.DeclStmt, *ast.SendStmt:
				continue // found = true, then the break
			case *ast.IfStmt:
				if !goesOn(st) {
					continue // if len(b.subs[k]) == 0 { delete(b.subs, k) }, then the return
				}
			case *ast.ReturnStmt:
				return true
			case *ast.BranchStmt:
				if st.Tok != token.BREAK || st.Label != nil {
					return false
				}
				for _, n := range path[within+1 : inner] {
					switch n.(type) {
					case *ast.ForStmt, *ast.RangeStmt, *ast.SwitchStmt, *ast.TypeSwitchStmt, *ast.SelectStmt:
						return false // the break leaves that statement, not the loop
					}
				}
				return true
			}
			return false
		}
		// the block ends: an if's branch (of an else-if chain too) or a block goes
		// on after the if or the block, in the block around it
		outer := inner - 1
		for outer > within {
			if _, isIf := path[outer].(*ast.IfStmt); !isIf {
				break
			}
			outer--
		}
		if _, isBlock := path[outer].(*ast.BlockStmt); outer <= within || !isBlock {
			return false
		}
		inner = outer
	}
}

// onlyElementsIn: the operands of rhs but the i-th use the variable v only by its
// elements or its length (q, order = q[1:], append(order, q[0])), so that none
// of them holds v's array once v is re-sliced.
func onlyElementsIn(p *program, rhs []ast.Expr, i int, v ast.Expr) bool {
	ok := true
	var visit func(n ast.Node) bool
	visit = func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.IndexExpr:
			if sameVar(p, n.X, v) {
				ast.Inspect(n.Index, visit) // q[0]: an element; its index may be anything
				return false
			}
		case *ast.CallExpr:
			if name := calleeName(p, n); (name == "len" || name == "cap") && len(n.Args) == 1 && sameVar(p, n.Args[0], v) {
				return false
			}
		case ast.Expr:
			if sameVar(p, n, v) {
				ok = false
			}
		}
		return ok
	}
	for j, r := range rhs {
		if j != i {
			ast.Inspect(r, visit)
		}
	}
	return ok
}

// subslicedForCalls: every sub-slice of the array variable v is an argument of a
// call of the library's where it stands (hex.Encode(buf[0:8], id[0:4])), which
// keeps nothing of it, or the value a slice variable is declared with that runs
// to v's end and is never written, nor its group (s := d[:]; slices.Clone(s)), so
// that no slice variable writes v's array: a write to v's elements is then a
// write to v itself (writtenArrays), where a sub-slice held in a variable (s :=
// base[1:3]; s[0] = -2) writes v through s.
func subslicedForCalls(p *program, a *sliceAliases, v types.Object, tainted map[any][]ast.Node) bool {
	inCall := map[*ast.SliceExpr]bool{}
	var all []*ast.SliceExpr
	for _, f := range p.files {
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.AssignStmt:
				if n.Tok != token.DEFINE || len(n.Lhs) != len(n.Rhs) {
					break
				}
				for i, r := range n.Rhs {
					se, ok := ast.Unparen(r).(*ast.SliceExpr)
					w := p.info.Defs[identOf(n.Lhs[i])]
					if ok && se.High == nil && se.Max == nil && w != nil && len(tainted[a.find(w)]) == 0 {
						inCall[se] = true // s := d[:], only read
					}
				}
			case *ast.CallExpr:
				if name := calleeName(p, n); strings.Contains(name, ".") && a.callee(n) == nil && !keepsItsOperand(name) {
					for _, arg := range n.Args {
						if se, ok := ast.Unparen(arg).(*ast.SliceExpr); ok {
							inCall[se] = true
						}
					}
				}
			case *ast.SliceExpr:
				if arrayVar(p, n.X) == v {
					all = append(all, n)
				}
			}
			return true
		})
	}
	for _, se := range all {
		if !inCall[se] {
			return false
		}
	}
	return true
}

// arrayVar: the array variable (a local or a parameter, not a pointer to one) whose
// elements e is, or a sub-slice of (buf, buf[0:8]); nil otherwise.
func arrayVar(p *program, e ast.Expr) types.Object {
	e = ast.Unparen(e)
	if se, ok := e.(*ast.SliceExpr); ok {
		e = ast.Unparen(se.X)
	}
	id, ok := e.(*ast.Ident)
	if !ok {
		return nil
	}
	v, ok := p.info.Uses[id].(*types.Var)
	if !ok || v.Parent() == nil || v.Parent() == v.Pkg().Scope() {
		return nil
	}
	if _, isArray := v.Type().Underlying().(*types.Array); !isArray {
		return nil
	}
	return v
}

// sameVar: a and b name the same variable, or the same field of the same one
// (q.items = q.items[1:]).
func sameVar(p *program, a, b ast.Expr) bool {
	a, b = ast.Unparen(a), ast.Unparen(b)
	switch a := a.(type) {
	case *ast.Ident:
		ib, ok := b.(*ast.Ident)
		return ok && p.info.Uses[a] != nil && p.info.Uses[a] == p.info.Uses[ib]
	case *ast.SelectorExpr:
		sb, ok := b.(*ast.SelectorExpr)
		return ok && a.Sel.Name == sb.Sel.Name && sameVar(p, a.X, sb.X)
	}
	return false
}

// samePlace: a and b name one place through fields and indexes, each index a
// variable or a constant (orders[i].Lines twice).
func samePlace(p *program, a, b ast.Expr) bool {
	switch x := ast.Unparen(a).(type) {
	case *ast.Ident:
		return sameVar(p, x, b)
	case *ast.SelectorExpr:
		y, ok := ast.Unparen(b).(*ast.SelectorExpr)
		return ok && p.info.Selections[x] != nil && x.Sel.Name == y.Sel.Name && samePlace(p, x.X, y.X)
	case *ast.IndexExpr:
		y, ok := ast.Unparen(b).(*ast.IndexExpr)
		return ok && samePlace(p, x.X, y.X) && sameIndex(p, x.Index, y.Index)
	}
	return false
}

// sameIndex: a and b are one variable, or equal constants.
func sameIndex(p *program, a, b ast.Expr) bool {
	ka, kb := p.info.Types[a], p.info.Types[b]
	if ka.Value != nil && kb.Value != nil {
		return constant.Compare(ka.Value, token.EQL, kb.Value)
	}
	return sameVar(p, a, b)
}

// sameIndexed: a and b index one variable by one index, a variable or a constant
// (the place x[i] both name); nil where they do not.
func sameIndexed(p *program, a, b ast.Expr) *ast.IndexExpr {
	ia, ok := ast.Unparen(a).(*ast.IndexExpr)
	ib, ok2 := ast.Unparen(b).(*ast.IndexExpr)
	if !ok || !ok2 || !sameVar(p, ia.X, ib.X) || !sameIndex(p, ia.Index, ib.Index) {
		return nil
	}
	return ia
}

// calleeName: "append", "copy" for a builtin, "sort.Ints" for a package function.
func calleeName(p *program, c *ast.CallExpr) string {
	fun := ast.Unparen(c.Fun)
	if x := instantiated(p, fun); x != nil {
		fun = x // slices.Max[[]int](xs): slices.Max
	}
	switch f := fun.(type) {
	case *ast.Ident:
		if b, ok := p.info.Uses[f].(*types.Builtin); ok {
			return b.Name()
		}
	case *ast.SelectorExpr:
		if fn, ok := p.info.Uses[f.Sel].(*types.Func); ok && fn.Pkg() != nil {
			return fn.Pkg().Path() + "." + fn.Name()
		}
	}
	return ""
}

func (m *module) scanCloses() {
	p := m.p
	for _, f := range p.files {
		ast.Inspect(f, func(n ast.Node) bool {
			if c, ok := n.(*ast.CallExpr); ok {
				if id, ok := ast.Unparen(c.Fun).(*ast.Ident); ok && id.Name == "close" && len(c.Args) == 1 {
					if _, ok := p.info.Uses[id].(*types.Builtin); ok {
						if ch, ok := under(p.info.TypeOf(c.Args[0])).(*types.Chan); ok {
							if hasTypeParam(ch.Elem()) {
								m.closedAny = true // a generic function closes a chan T, a chan []T: any T
							}
							m.closed[types.TypeString(ch.Elem(), nil)] = true
						}
					}
				}
			}
			return true
		})
	}
}

func (m *module) header() {
	p := m.p
	files := map[*types.Package][]string{}
	for i, f := range p.files {
		files[p.pkgOf[f]] = append(files[p.pkgOf[f]], p.names[i])
	}
	m.emit(`"""Package %s (%s), translated by `+"`simlab translate`"+`.`, p.pkg.Name(), strings.Join(files[p.pkg], ", "))
	m.emit("")
	if pkgs := p.packages()[1:]; len(pkgs) > 0 {
		m.emit("With the packages of its module it imports, their names qualified by theirs")
		m.emit("(``worker.Start`` is ``worker_Start``):")
		m.emit("")
		for _, pkg := range pkgs {
			m.emit("- %s (%s)", pkg.Path(), strings.Join(files[pkg], ", "))
		}
		m.emit("")
	}
	m.emit("Every function keeps its Go name (``@sl.gofunc``) and every line ends with the")
	m.emit("line of the Go statement it renders (``# L<n>``). The program's runtime is the")
	m.emit("module's ``rt``: ``bind(runtime)`` sets it and initializes the package's variables")
	m.emit("before ``main`` runs (``simlab go-run`` and ``simlab.translate.entry`` do both).")
	m.emit(`"""`)
	m.emit("")
	m.emit("import simlab as sl")
	m.emit("from simlab.translate import golib as go")
	for _, imp := range p.imports() {
		switch imp.Path() {
		case "golang.org/x/sync/errgroup":
			m.emit("from simlab.x import errgroup")
		case "golang.org/x/sync/semaphore":
			m.emit("from simlab.x import semaphore")
		}
	}
	m.emit("")
	m.emit("rt: sl.Runtime  # the Go runtime the program runs on: bind() sets it")
}

// consts are module-level Python constants, in source order.
func (m *module) consts() {
	p := m.p
	first := true
	for _, f := range p.files {
		for _, d := range f.Decls {
			gd, ok := d.(*ast.GenDecl)
			if !ok || gd.Tok != token.CONST {
				continue
			}
			for _, s := range gd.Specs {
				vs := s.(*ast.ValueSpec)
				for _, n := range vs.Names {
					if n.Name == "_" {
						continue
					}
					c := p.info.Defs[n].(*types.Const)
					if first {
						m.emit("")
						first = false
					}
					m.emit("%s = %s  # L%d", m.globals[c], m.typedConst(c), p.line(n))
				}
			}
		}
	}
}

// typedConst renders a declared constant; one of a named type of the program
// keeps its type: code(7).
func (m *module) typedConst(c *types.Const) string {
	v := constValue(c.Val(), c.Type())
	if cls := m.basicClass(c.Type()); cls != "" {
		return cls + "(" + v + ")"
	}
	return v
}

// findBasics: the named string and number types of the program, which become
// Python subclasses of str, int and float, so that a value keeps its type
// (context keys, panic values: main.code(7)).
func (m *module) findBasics() {
	for _, ts := range m.typeSpecs() {
		tn := m.p.info.Defs[ts.Name].(*types.TypeName)
		if b, ok := tn.Type().Underlying().(*types.Basic); ok && !ts.Assign.IsValid() && pyBase(b) != "" {
			m.basics[tn] = true
		}
		if !ts.Assign.IsValid() && m.p.isNamedValue(tn.Type()) {
			m.values[tn] = true
		}
	}
}

// isNamedValue: t is a named slice, map or func type of the program with
// methods, or a named bool type, whose values are plain lists, dicts, functions
// and bools, held in an interface as a go.NamedValue (see valueClass).
func (p *program) isNamedValue(t types.Type) bool {
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || !p.ours(n.Obj().Pkg()) {
		return false
	}
	switch u := n.Underlying().(type) {
	case *types.Slice, *types.Map, *types.Signature, *types.Array:
		return types.NewMethodSet(types.NewPointer(n)).Len() > 0
	case *types.Basic:
		return u.Info()&types.IsBoolean != 0 // type BoolLit bool: not a Python bool, which no class extends
	}
	return false
}

// typeSpecs: the program's type declarations, the package's first, then those
// inside functions (each a class of the module too, named by localTypeNames).
func (m *module) typeSpecs() []*ast.TypeSpec {
	var specs, local []*ast.TypeSpec
	for _, f := range m.p.files {
		for _, d := range f.Decls {
			switch d := d.(type) {
			case *ast.GenDecl:
				if d.Tok == token.TYPE {
					for _, s := range d.Specs {
						specs = append(specs, s.(*ast.TypeSpec))
					}
				}
			case *ast.FuncDecl:
				ast.Inspect(d, func(n ast.Node) bool {
					if ds, ok := n.(*ast.DeclStmt); ok {
						if gd := ds.Decl.(*ast.GenDecl); gd.Tok == token.TYPE {
							for _, s := range gd.Specs {
								local = append(local, s.(*ast.TypeSpec))
							}
						}
					}
					return true
				})
			}
		}
	}
	return append(specs, local...)
}

// localTypeNames names each type declared inside a function: its Go name, or the
// function's name and its own where two functions declare the same name, or the
// package has it too.
func (m *module) localTypeNames() {
	p := m.p
	for _, ts := range m.typeSpecs() {
		tn := p.info.Defs[ts.Name].(*types.TypeName)
		if p.packageLevel(tn) {
			continue
		}
		if hasTypeParamsIn(p, ts) {
			// its class is generic in the function's type parameters, given as T=T
			m.localGeneric[tn] = enclosingTypeParams(p, ts.Pos())
		}
		py := tn.Name()
		if m.reserved[py] {
			fn := enclosingFuncAt(p, ts.Pos())
			py = fn + "_" + tn.Name()
			for i := 2; m.reserved[py]; i++ {
				py = fmt.Sprintf("%s_%s_%d", fn, tn.Name(), i)
			}
		}
		m.globals[tn] = py
		m.reserved[py] = true
	}
}

// hasTypeParamsIn: the declared type refers to a type parameter.
func hasTypeParamsIn(p *program, ts *ast.TypeSpec) bool {
	found := false
	ast.Inspect(ts.Type, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok {
			if tn, ok := p.info.Uses[id].(*types.TypeName); ok {
				if _, isParam := tn.Type().(*types.TypeParam); isParam {
					found = true
				}
			}
		}
		return !found
	})
	return found
}

// enclosingTypeParams: the type parameters of the function declared around pos,
// or of its receiver's type.
func enclosingTypeParams(p *program, pos token.Pos) *types.TypeParamList {
	for _, f := range p.files {
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && fd.Pos() <= pos && pos < fd.End() {
				sig := p.info.Defs[fd.Name].Type().(*types.Signature)
				if sig.RecvTypeParams().Len() > 0 {
					return sig.RecvTypeParams()
				}
				return sig.TypeParams()
			}
		}
	}
	return nil
}

// typeParamsOf: the type parameters tn's class takes: its own, or those of the
// generic function it is declared in and whose parameters it uses.
// typeParamSlot: the attribute, and the constructor's keyword, by which an instance
// of the generic struct type tn keeps its type parameter name: the name, or name_
// where a field has it (type KV[K comparable, V any] struct{ K K; V V }).
func (m *module) typeParamSlot(tn *types.TypeName, name string) string {
	if tn == nil {
		return name
	}
	if st, ok := tn.Type().Underlying().(*types.Struct); ok {
		for i := 0; i < st.NumFields(); i++ {
			if fieldName(st.Field(i).Name()) == name {
				return name + "_"
			}
		}
	}
	return name
}

func (m *module) typeParamsOf(tn *types.TypeName) *types.TypeParamList {
	if own := tn.Type().(*types.Named).TypeParams(); own.Len() > 0 {
		return own
	}
	return m.localGeneric[tn]
}

// returnedAfter: the function around at returns x (or a sub-slice of it) after it.
func (m *module) returnedAfter(x ast.Expr, at ast.Node) bool {
	p, pos, body := m.p, at.Pos(), m.homeOf(at)
	found := false
	if body != nil {
		ast.Inspect(body, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.FuncLit:
				return n.Pos() <= pos && pos < n.End()
			case *ast.ReturnStmt:
				for _, r := range n.Results {
					if se, ok := ast.Unparen(r).(*ast.SliceExpr); ok {
						r = se.X
					}
					found = found || n.Pos() > pos && sameVar(p, r, x)
				}
			}
			return !found
		})
	}
	return found
}

// enclosingFuncAt: the name of the function declared around pos ("package" if none).
func enclosingFuncAt(p *program, pos token.Pos) string {
	for _, f := range p.files {
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && fd.Pos() <= pos && pos < fd.End() {
				return fd.Name.Name
			}
		}
	}
	return "package"
}

// pyBase is the Python class a named basic type derives from ("" for bool,
// which Python cannot subclass, and the rest).
func pyBase(b *types.Basic) string {
	switch {
	case b.Info()&types.IsString != 0:
		return "str"
	case b.Info()&types.IsInteger != 0:
		return "int"
	case b.Info()&types.IsFloat != 0:
		return "float"
	case b.Info()&types.IsComplex != 0:
		return "complex"
	}
	return ""
}

// constValue renders a Go constant as Python; durations read as 5 * sl.Second.
func constValue(v constant.Value, t types.Type) string {
	if b, ok := under(t).(*types.Basic); ok && b.Info()&types.IsComplex != 0 {
		re, _ := constant.Float64Val(constant.Real(v))
		im, _ := constant.Float64Val(constant.Imag(v))
		return "complex(" + floatLiteral(re) + ", " + floatLiteral(im) + ")" // 1 - 2i
	}
	switch v.Kind() {
	case constant.Bool:
		if constant.BoolVal(v) {
			return "True"
		}
		return "False"
	case constant.String:
		return pyString(constant.StringVal(v))
	case constant.Int:
		if isDuration(t) {
			if d, ok := constant.Int64Val(v); ok {
				return durationLiteral(d)
			}
		}
		if b, ok := under(t).(*types.Basic); ok && b.Info()&types.IsFloat != 0 {
			return floatLiteral(floatConst(v, b))
		}
		return v.ExactString()
	case constant.Float:
		b, ok := under(t).(*types.Basic)
		if ok && b.Info()&types.IsInteger != 0 {
			i, _ := constant.Int64Val(constant.ToInt(v))
			return fmt.Sprint(i)
		}
		return floatLiteral(floatConst(v, b))
	}
	return v.ExactString()
}

// floatConst: the float a constant of type b is, a float32's rounded to float32
// (float32(0.1) is 0.10000000149011612).
func floatConst(v constant.Value, b *types.Basic) float64 {
	if b != nil && b.Kind() == types.Float32 {
		f, _ := constant.Float32Val(v)
		return float64(f)
	}
	f, _ := constant.Float64Val(v)
	return f
}

func floatLiteral(f float64) string {
	if math.IsInf(f, 0) {
		// an untyped constant past float64's range (const Huge = 1e300 * 1e300),
		// which Go uses only in constant expressions, computed exactly where they are
		return fmt.Sprintf("float(%q)", strings.ToLower(fmt.Sprint(f)))
	}
	s := fmt.Sprintf("%v", f)
	if !strings.ContainsAny(s, ".eEnN") {
		s += ".0"
	}
	return s
}

var durationUnits = []struct {
	ns   int64
	name string
}{{3600e9, "Hour"}, {60e9, "Minute"}, {1e9, "Second"}, {1e6, "Millisecond"}, {1e3, "Microsecond"}}

func durationLiteral(d int64) string {
	if d == 0 {
		return "0"
	}
	for _, u := range durationUnits {
		if d%u.ns == 0 {
			if d == u.ns {
				return "sl." + u.name
			}
			return fmt.Sprintf("%d * sl.%s", d/u.ns, u.name)
		}
	}
	return fmt.Sprint(d)
}

func isDuration(t types.Type) bool {
	n, ok := types.Unalias(t).(*types.Named) // type Duration = time.Duration too
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "time" && n.Obj().Name() == "Duration"
}

// pyTuple: a Python tuple of the strings names, ("a",) for one.
func pyTuple(names []string) string {
	quoted := make([]string, len(names))
	for i, n := range names {
		quoted[i] = pyString(n)
	}
	if len(quoted) == 1 {
		return "(" + quoted[0] + ",)"
	}
	return "(" + strings.Join(quoted, ", ") + ")"
}

// pyString quotes s for Python (Go's escapes are Python's).
func pyString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"':
			b.WriteString(`\"`)
		case r == '\\':
			b.WriteString(`\\`)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\t':
			b.WriteString(`\t`)
		case r == '\r':
			b.WriteString(`\r`)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, `\x%02x`, r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// structTypes: every struct type of the program has its class, whichever comes
// first: a method of a named number type may make one before it is written.
func (m *module) structTypes() {
	for _, ts := range m.typeSpecs() {
		tn := m.p.info.Defs[ts.Name].(*types.TypeName)
		if _, ok := tn.Type().Underlying().(*types.Struct); ok && !ts.Assign.IsValid() && !m.basics[tn] {
			m.types[tn] = true
		}
	}
}

// classes: one Python class per struct type, with its methods.
func (m *module) classes() {
	p := m.p
	literals := m.literals // named first: a method may copy one (see copyable)
	methods := map[*types.TypeName][]*unit{}
	for _, u := range m.a.units {
		if u.decl != nil && u.decl.Recv != nil {
			t := u.sig.Recv().Type()
			if ptr, ok := t.(*types.Pointer); ok {
				t = ptr.Elem()
			}
			tn := t.(*types.Named).Obj()
			methods[tn] = append(methods[tn], u)
		}
	}
	for _, ts := range m.typeSpecs() {
		tn := p.info.Defs[ts.Name].(*types.TypeName)
		switch tn.Type().Underlying().(type) {
		case *types.Struct, *types.Slice, *types.Map, *types.Signature, *types.Interface:
		default:
			what := "a generic " + kindName(tn.Type().Underlying()) + " type"
			if _, isChan := tn.Type().Underlying().(*types.Chan); isChan {
				if len(methods[tn]) == 0 {
					break // type Stream[T any] <-chan T: its values are channels
				}
				what += " with methods"
			}
			if ts.TypeParams != nil {
				p.unsupported(ts, what, "a generic struct, slice, map, func or interface type, a generic channel type without methods, or a type without type parameters")
			}
		}
		if ts.Assign.IsValid() {
			continue // an alias
		}
		if m.basics[tn] {
			continue // emitted by basicClasses
		}
		if ch, ok := tn.Type().Underlying().(*types.Chan); ok && len(methods[tn]) > 0 {
			m.chanClass(ts, tn, ch, methods[tn])
			continue
		}
		if m.values[tn] {
			m.valueClass(ts, tn, methods[tn])
			continue
		}
		st, ok := tn.Type().Underlying().(*types.Struct)
		if !ok {
			continue // interfaces and other named types need no class
		}
		m.types[tn] = true
		m.class(ts, tn, st, methods[tn])
	}
	m.literalStructs(literals)
}

// literalStructs: an anonymous struct type a composite literal makes (a test's
// table, []struct{ name string; want int }{...}) is a class of the module too,
// named after the function it is in: TestTable_struct.
func (m *module) literalStructs(literals []literalStruct) {
	for _, l := range literals {
		m.structClass(m.anon[l.st], l.kind, l.at, m.p.line(l.at), nil, l.st, nil)
	}
}

// anonIsKeyed: a map is keyed by the anonymous struct type st, or one identical to it.
func (m *module) anonIsKeyed(st *types.Struct) bool {
	for _, k := range m.anonKeyed {
		if types.Identical(k, st) {
			return true
		}
	}
	return false
}

// anonClass: the class of the anonymous struct type st, or of one identical to it
// (Go's struct{ a, b int } written twice is one type), or "".
func (m *module) anonClass(st *types.Struct) string {
	if name := m.anon[st]; name != "" {
		return name
	}
	name := ""
	for other, n := range m.anon {
		if types.Identical(other, st) && (name == "" || n < name) {
			name = n // the first by name where fields of identical types have each their own
		}
	}
	if name != "" {
		m.anon[st] = name
	}
	return name
}

// literalStruct: an anonymous struct type that has a class, and where it is written.
type literalStruct struct {
	at   ast.Node
	st   *types.Struct
	kind string // "an alias's", "a literal's", "a conversion's"
}

// nameLiteralStructs names the classes of literalStructs, in source order.
func (m *module) nameLiteralStructs() []literalStruct {
	p := m.p
	var named []literalStruct
	// type task = struct{...}: an alias names its struct's class
	for _, f := range p.files {
		for _, d := range f.Decls {
			if gd, ok := d.(*ast.GenDecl); ok && gd.Tok == token.TYPE {
				for _, spec := range gd.Specs {
					ts := spec.(*ast.TypeSpec)
					st, ok := types.Unalias(p.info.TypeOf(ts.Type)).(*types.Struct)
					if ts.Assign.IsValid() && ok && st.NumFields() > 0 && m.anonClass(st) == "" {
						m.anon[st] = m.pyName(ts.Name.Name)
						named = append(named, literalStruct{ts, st, "an alias's"})
					}
				}
			}
		}
	}
	var uses []literalStruct
	for e, tv := range p.info.Types {
		kind := "a literal's"
		if c, ok := e.(*ast.CallExpr); ok && p.info.Types[c.Fun].IsType() {
			kind = "a conversion's" // struct{ Hi, Lo uint64 }(x) of a U128
		} else if _, ok := e.(*ast.CompositeLit); !ok {
			continue
		}
		if st, ok := types.Unalias(tv.Type).(*types.Struct); ok && st.NumFields() > 0 && m.anonClass(st) == "" {
			uses = append(uses, literalStruct{e, st, kind})
		}
	}
	// var resp struct{...}: a variable's anonymous struct type, whose zero value
	// needs a class too, as an array's elements do (var frames [2]struct{...}; a
	// nil *struct{...} needs none)
	var elems func(t types.Type, inside bool) *types.Struct
	elems = func(t types.Type, inside bool) *types.Struct {
		switch u := types.Unalias(t).(type) {
		case *types.Struct:
			return u
		case *types.Array:
			return elems(u.Elem(), true)
		case *types.Slice:
			return elems(u.Elem(), true)
		case *types.Map:
			return elems(u.Elem(), true)
		case *types.Pointer:
			if inside {
				return elems(u.Elem(), true)
			}
		}
		return nil
	}
	for _, f := range p.files {
		ast.Inspect(f, func(n ast.Node) bool {
			if vs, ok := n.(*ast.ValueSpec); ok && vs.Type != nil {
				if st := elems(p.info.TypeOf(vs.Type), false); st != nil && st.NumFields() > 0 && m.anonClass(st) == "" {
					uses = append(uses, literalStruct{vs, st, "a variable's"})
				}
			}
			return true
		})
	}
	sort.Slice(uses, func(i, j int) bool { return uses[i].at.Pos() < uses[j].at.Pos() })
	for _, u := range uses {
		if m.anonClass(u.st) != "" {
			continue // its first literal named it, or one of an identical type
		}
		if fieldOfTypeParam(u.st) {
			// struct{Code int; Data T} in a generic function: its class is the
			// module's, which no type argument reaches
			p.unsupported(u.at, "an anonymous struct type with a field of a type parameter's type",
				"a generic named struct type, type envelope[T any] struct{...}")
		}
		m.anon[u.st] = m.pyName(enclosingFuncAt(p, u.at.Pos()) + "_struct")
		named = append(named, u)
	}
	return named
}

// chanClass: a named channel type with methods is a class whose value holds the
// channel (go.Named: its channel operations are the channel's), so that an
// interface holding it has its methods. Its values are made by a conversion,
// make or the zero value; a channel that would become one implicitly is refused
// (see checkNamedFlows).
func (m *module) chanClass(ts *ast.TypeSpec, tn *types.TypeName, ch *types.Chan, methods []*unit) {
	p := m.p
	m.wrapped[tn] = true
	m.types[tn] = true
	m.emit("")
	m.emit("")
	m.emit("class %s(go.Named):  # L%d", m.globals[tn], p.line(ts))
	m.emit(`    """type %s %s"""`, tn.Name(), types.TypeString(ch, types.RelativeTo(tn.Pkg())))
	m.emit("")
	m.emit("    __slots__ = ()")
	m.methods(methods)
	m.checkNamedFlows(tn)
}

// checkNamedFlows refuses a channel of an unnamed type that Go would convert to
// tn implicitly (assigned, passed, returned, stored): the translation makes tn's
// values only where the program converts explicitly.
func (m *module) checkNamedFlows(tn *types.TypeName) {
	p := m.p
	t := tn.Type()
	check := func(target types.Type, e ast.Expr) {
		if target == nil || e == nil || !types.Identical(target, t) {
			return
		}
		src := p.info.TypeOf(e)
		if src == nil || types.Identical(src, t) || p.info.Types[e].IsNil() {
			return
		}
		p.unsupported(e, "a channel converted implicitly to "+tn.Name()+", a type with methods", "an explicit conversion: "+tn.Name()+"(ch)")
	}
	for _, file := range p.files {
		ast.Inspect(file, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.AssignStmt:
				if len(n.Lhs) == len(n.Rhs) {
					for i := range n.Lhs {
						check(p.info.TypeOf(n.Lhs[i]), n.Rhs[i])
					}
				}
			case *ast.ValueSpec:
				for i := range n.Values {
					if i < len(n.Names) {
						check(p.info.TypeOf(n.Names[i]), n.Values[i])
					}
				}
			case *ast.CallExpr:
				if sig, ok := under(p.info.TypeOf(n.Fun)).(*types.Signature); ok {
					for i, a := range n.Args {
						if i < sig.Params().Len() {
							check(sig.Params().At(i).Type(), a)
						}
					}
				}
			case *ast.SendStmt:
				if ch, ok := under(p.info.TypeOf(n.Chan)).(*types.Chan); ok {
					check(ch.Elem(), n.Value)
				}
			case *ast.CompositeLit:
				if st, ok := under(p.info.TypeOf(n)).(*types.Struct); ok {
					for i, el := range n.Elts {
						if kv, ok := el.(*ast.KeyValueExpr); ok {
							check(st.Field(fieldIndex(st, kv.Key.(*ast.Ident).Name)).Type(), kv.Value)
						} else if i < st.NumFields() {
							check(st.Field(i).Type(), el)
						}
					}
				}
			}
			return true
		})
	}
	for _, u := range m.a.units {
		if u.body == nil || u.sig == nil {
			continue
		}
		res := u.sig.Results()
		ast.Inspect(u.body, func(n ast.Node) bool {
			if _, ok := n.(*ast.FuncLit); ok {
				return false
			}
			if r, ok := n.(*ast.ReturnStmt); ok && len(r.Results) == res.Len() {
				for i, e := range r.Results {
					check(res.At(i).Type(), e)
				}
			}
			return true
		})
	}
}

// basicClasses: the named string and number types, as classes.
func (m *module) basicClasses() {
	methods := map[*types.TypeName][]*unit{}
	for _, u := range m.a.units {
		if u.decl != nil && u.decl.Recv != nil {
			if n := namedOf(u.sig.Recv().Type()); n != nil && m.basics[n.Obj()] {
				methods[n.Obj()] = append(methods[n.Obj()], u) // a pointer method too: Counter.Inc(p)
			}
		}
	}
	for _, ts := range m.typeSpecs() {
		tn := m.p.info.Defs[ts.Name].(*types.TypeName)
		if m.basics[tn] && !ts.Assign.IsValid() && ts.TypeParams == nil {
			m.basicClassDecl(ts, tn, methods[tn])
		}
	}
}

// arrayElem: the element type of an array: a list, of fresh objects where the
// elements are struct values or arrays.
func (m *module) arrayElem(t *types.Array, at ast.Node) types.Type {
	return t.Elem()
}

// copyArray renders a copy of the array x of type t, where Go copies it (assigned,
// passed, ranged over): go.copy_array, which copies each element too where the
// elements are struct values or arrays.
func (m *module) copyArray(x string, t *types.Array, at ast.Node) string {
	if tp, ok := t.Elem().(*types.TypeParam); ok {
		// [2]T of a generic function or method: each element copied where T's
		// argument is a struct or an array type (go.copied), as Go copies them
		return "go.copy_array(" + x + ", lambda e: go.copied(" + tp.Obj().Name() + ", e))"
	}
	if c := m.elemCopier(t.Elem(), at); c != "" {
		return "go.copy_array(" + x + ", " + c + ")"
	}
	return "go.copy_array(" + x + ")"
}

// elemCopier: the function that copies an element of type t as Go copies it, or
// "" for an element shared as it is (a number, a string, a pointer, a channel).
func (m *module) elemCopier(t types.Type, at ast.Node) string {
	switch u := under(t).(type) {
	case *types.Array:
		if c := m.elemCopier(u.Elem(), at); c != "" {
			return "lambda a: go.copy_array(a, " + c + ")"
		}
		return "go.copy_array"
	case *types.Struct:
		if m.isStructValue(t) {
			m.copyable(t, at)
			return "go.copy"
		}
	}
	return ""
}

// methods writes a class's methods, in its body.
func (m *module) methods(units []*unit) {
	var signatures []string
	for _, u := range units {
		if name := u.decl.Name.Name; (m.clashingMethods()[name] || notFmtMethod(name, u.sig)) && !hasTypeParam(u.sig) {
			signatures = append(signatures, pyString(fieldName(name))+": "+pyString(typeKey(u.sig)))
		}
	}
	if len(signatures) > 0 {
		m.emit("    go_signatures = {%s}  # a type assertion and fmt tell them from others of the same name", strings.Join(signatures, ", "))
	}
	for _, u := range units {
		m.emit("")
		recv := u.sig.Recv().Type()
		ptr, isPtr := recv.(*types.Pointer)
		if isPtr {
			recv = ptr.Elem()
		}
		if n, ok := recv.(*types.Named); ok && m.values[n.Obj()] {
			if isPtr {
				m.emit("    @go.pointer_method")
			} else {
				m.emit("    @go.method")
			}
		} else if ok && m.basics[n.Obj()] && isPtr {
			m.emit("    @go.pointer_method") // called on the class with a pointer: Counter.Inc(c)
		}
		f := m.newFunc(u, nil)
		f.indent = 1
		f.function()
		m.out = append(m.out, f.lines...)
	}
}

// notFmtMethod: a method named Error or String that is not fmt's (not func()
// string), which fmt does not call: its class says its signature (go_signatures).
func notFmtMethod(name string, sig *types.Signature) bool {
	return (name == "Error" || name == "String") && typeKey(sig) != typeKey(fmtMethodSig)
}

// fmtMethodSig: func() string, fmt's Error and String methods' signature.
var fmtMethodSig = types.NewSignatureType(nil, nil, nil, nil,
	types.NewTuple(types.NewVar(token.NoPos, nil, "", types.Typ[types.String])), false)

// clashingMethods: the names of methods that have more than one signature among
// the program's types and the interfaces it mentions (and, where it mentions an
// interface with an Unwrap method, the library's Unwrap() error and Unwrap()
// []error). A type assertion to an interface with one of them checks its
// signature (go.Methods(..., signatures=...)) against the class's go_signatures:
// interface{ Unwrap() []error } does not hold a fmt.Errorf error.
func (m *module) clashingMethods() map[string]bool {
	if m.clashing != nil {
		return m.clashing
	}
	seen := map[string]map[string]bool{}
	add := func(fn *types.Func) {
		sig := fn.Type().(*types.Signature)
		if hasTypeParam(sig) {
			return
		}
		if seen[fn.Name()] == nil {
			seen[fn.Name()] = map[string]bool{}
		}
		seen[fn.Name()][typeKey(sig)] = true
	}
	for _, obj := range m.p.info.Defs {
		if tn, ok := obj.(*types.TypeName); ok {
			if n, ok := tn.Type().(*types.Named); ok {
				for i := 0; i < n.NumMethods(); i++ {
					add(n.Method(i))
				}
			}
		}
	}
	unwrap := false
	for _, tv := range m.p.info.Types {
		t := tv.Type
		if ptr, ok := t.(*types.Pointer); ok {
			t = ptr.Elem()
		}
		if n, ok := t.(*types.Named); ok && n.TypeArgs().Len() == 0 && n.Obj().Pkg() != nil &&
			(n.Obj().Pkg().Path() == "sync/atomic" || isNamed(n, "sync", "WaitGroup")) {
			for i := 0; i < n.NumMethods(); i++ {
				add(n.Method(i)) // an *atomic.Int64's Load() int64 beside a Flag's Load() bool
			}
		}
		if it, ok := tv.Type.Underlying().(*types.Interface); ok && tv.IsType() {
			for i := 0; i < it.NumMethods(); i++ {
				add(it.Method(i))
				unwrap = unwrap || it.Method(i).Name() == "Unwrap"
			}
		}
	}
	if unwrap {
		if seen["Unwrap"] == nil {
			seen["Unwrap"] = map[string]bool{}
		}
		seen["Unwrap"]["func()(error)"] = true
		seen["Unwrap"]["func()([]error)"] = true
	}
	m.clashing = map[string]bool{}
	for name, sigs := range seen {
		m.clashing[name] = len(sigs) > 1
	}
	return m.clashing
}

// basicClassDecl: type key string as class key(str), with its Go name and its
// methods. A method is called on the class, Color.String(c), since arithmetic on
// a value gives a plain number: only constants and conversions are instances.
func (m *module) basicClassDecl(ts *ast.TypeSpec, tn *types.TypeName, methods []*unit) {
	p := m.p
	b := tn.Type().Underlying().(*types.Basic)
	m.emit("")
	m.emit("")
	base := pyBase(b)
	if b.Kind() == types.Float32 {
		base = "go.Float32" // fmt prints the fewest digits that read back as the float32
	}
	m.emit("class %s(%s):  # L%d", m.globals[tn], base, p.line(ts))
	m.emit(`    """type %s %s"""`, tn.Name(), b.Name())
	m.emit("")
	m.emit("    __slots__ = ()")
	m.emit("    go_name = %s", pyString(tn.Pkg().Name()+"."+tn.Name()))
	m.formatter(tn)
	m.methods(methods)
}

// formatter marks the class of a fmt.Formatter, whose Format method fmt calls
// (golib's fmt tells it from a method of another signature by the mark).
func (m *module) formatter(tn *types.TypeName) {
	if tn != nil && isFormatter(tn.Type()) {
		m.emit("    go_formatter = True")
	} else if tn != nil && isFormatter(types.NewPointer(tn.Type())) {
		m.emit("    go_formatter = \"pointer\"  # a value in a field or an element has no Format")
	}
}

// typeParamList: a generic type's parameters as its declaration writes them,
// [T any], or "".
func typeParamList(tn *types.TypeName, qualifier types.Qualifier) string {
	tps := tn.Type().(*types.Named).TypeParams()
	if tps.Len() == 0 {
		return ""
	}
	var list []string
	for i := 0; i < tps.Len(); i++ {
		list = append(list, tps.At(i).Obj().Name()+" "+types.TypeString(tps.At(i).Constraint(), qualifier))
	}
	return "[" + strings.Join(list, ", ") + "]"
}

// valueClass: type byAge []person as class byAge(go.NamedValue), with its Go name
// and its methods. A value is the plain list (a map a dict, a func a function),
// and a method is called on the class, byAge.Len(people); where the value goes
// into an interface (sort.Sort(byAge(people))), the class holds it.
func (m *module) valueClass(ts *ast.TypeSpec, tn *types.TypeName, methods []*unit) {
	p := m.p
	m.emit("")
	m.emit("")
	base := "go.NamedValue"
	if isBasicKind(tn.Type(), types.Bool) {
		base = "go.NamedBool"
	}
	m.emit("class %s(%s):  # L%d", m.globals[tn], base, p.line(ts))
	m.emit(`    """type %s%s %s"""`, tn.Name(), typeParamList(tn, types.RelativeTo(tn.Pkg())), types.TypeString(tn.Type().Underlying(), types.RelativeTo(tn.Pkg())))
	m.emit("")
	m.emit("    __slots__ = ()")
	m.emit("    go_name = %s", pyString(tn.Pkg().Name()+"."+tn.Name()))
	if holdsStructValues(tn.Type().Underlying()) {
		m.emit("    go_by_value = True  # its elements are struct values: fmt prints {...}, in an interface too")
	}
	if _, ok := tn.Type().Underlying().(*types.Array); ok {
		m.emit("    go_array = True  # == of two held in interfaces compares their elements")
	}
	if at, ok := tn.Type().Underlying().(*types.Array); ok && slices.ContainsFunc(methods, func(u *unit) bool {
		return !isPointer(u.sig.Recv().Type()) && writesReceiver(p, u)
	}) {
		// a value method called through an interface writes a copy of the array held
		m.emit("    go_copy = staticmethod(lambda a: %s)", m.copyArray("a", at, ts))
	}
	m.formatter(tn)
	m.methods(methods)
}

func (m *module) class(ts *ast.TypeSpec, tn *types.TypeName, st *types.Struct, methods []*unit) {
	m.structClass(m.globals[tn], tn.Name(), ts, m.p.line(ts), tn, st, methods)
}

// structClass writes the class of a struct type: a named one (tn), or the
// anonymous struct type of a field, a class named after the field.
// ownTypeArgs: where t is an instance of a generic type whose every type argument
// is one of tn's type parameters (G[T] in type S[T any] struct), its parameters
// given the slots tn's values keep them in, V="T"; else "".
func (m *module) ownTypeArgs(tn *types.TypeName, t types.Type) string {
	n := namedOf(t)
	if tn == nil || n == nil || n.TypeArgs().Len() == 0 {
		return ""
	}
	var kw []string
	for i := 0; i < n.TypeArgs().Len(); i++ {
		tp, ok := n.TypeArgs().At(i).(*types.TypeParam)
		if !ok {
			return ""
		}
		kw = append(kw, fmt.Sprintf("%s=%q", n.Origin().TypeParams().At(i).Obj().Name(), m.typeParamSlot(tn, tp.Obj().Name())))
	}
	return strings.Join(kw, ", ")
}

// laterClass: cls, the class of the program's named type t, as a struct class
// tn's body may name it: a lambda that looks it up when called where t is declared
// after tn (type Node struct{ Kids Children } before type Children []*Node), or
// tn is nil (an anonymous struct).
func (m *module) laterClass(cls string, t types.Type, tn *types.TypeName) string {
	n := namedOf(t)
	if n == nil || tn != nil && n.Obj().Pkg() != tn.Pkg() {
		return cls
	}
	if tn == nil { // an anonymous struct's class
		return "lambda x: " + cls + "(x)"
	}
	at, here := m.p.fset.Position(n.Obj().Pos()), m.p.fset.Position(tn.Pos())
	if at.Filename == here.Filename && at.Offset < here.Offset {
		return cls
	}
	return "lambda x: " + cls + "(x)"
}

func (m *module) structClass(name, goName string, ts ast.Node, line int, tn *types.TypeName, st *types.Struct, methods []*unit) {
	p := m.p
	var anon []*types.Var
	for i := 0; i < st.NumFields(); i++ {
		f := st.Field(i)
		if fst, ok := anonElem(f.Type()); ok && fst.NumFields() > 0 && f.Name() != "_" {
			m.anon[fst] = name + "_" + f.Name()
			anon = append(anon, f)
		}
	}
	m.emit("")
	m.emit("")
	m.emit("class %s:  # L%d", name, line)
	qualifier := types.RelativeTo(p.pkg) // types of the struct's own package unqualified
	if tn != nil {
		qualifier = types.RelativeTo(tn.Pkg())
	}
	var fields, decl []string
	var keep []int      // the fields but blank ones (padding: nothing reads them)
	var blanks []string // where fmt prints each blank field, and its zero value
	for i := 0; i < st.NumFields(); i++ {
		f := st.Field(i)
		if f.Name() == "_" {
			decl = append(decl, "_ "+types.TypeString(f.Type(), qualifier))
			if z, _ := m.zero(f.Type(), ts); z != "" {
				blanks = append(blanks, fmt.Sprintf("(%d, %s)", len(keep), z))
			}
			continue
		}
		keep = append(keep, i)
		if f.Embedded() && !m.embeddable(f.Type()) {
			p.unsupported(ts, "an embedded field ("+f.Name()+")", "a named field; embedded are sync.Mutex, sync.RWMutex, sync.WaitGroup, sync.Locker, url.Values, context.Context, time.Duration, time.Time, fmt.Stringer, strings.Builder and Reader, bytes.Buffer and Reader, bufio's Reader, Writer and Scanner, *log.Logger, container/list.List, io's Reader, Writer, Closer and their Closer forms, net.Conn, slog.Handler, sort.Interface, error, and the program's struct and interface types, its named slice and map types, and its named number and string types whose methods all have value receivers, by value or by pointer")
		}
		fields = append(fields, fieldName(f.Name()))
		if f.Embedded() {
			decl = append(decl, types.TypeString(f.Type(), qualifier))
		} else {
			decl = append(decl, f.Name()+" "+types.TypeString(f.Type(), qualifier))
		}
	}
	if tn != nil {
		goName += typeParamList(tn, qualifier) // type Box[T any] struct{ v T }
	}
	doc := fmt.Sprintf("type %s struct{ %s }", goName, strings.Join(decl, "; "))
	if len(decl) == 0 {
		doc = fmt.Sprintf("type %s struct{}", goName)
	}
	if tn == nil {
		doc = fmt.Sprintf("%s struct{ %s }", goName, strings.Join(decl, "; "))
	}
	m.emit(`    """%s"""`, strings.ReplaceAll(doc, `"`, `'`))
	m.emit("")
	if tn != nil {
		m.slotsAt[tn] = len(m.out)
	} else {
		m.anonSlotsAt[st] = len(m.out)
	}
	var tparams []string // a generic type's: each instance keeps the makers of their zero values
	if tn != nil {
		for i := 0; i < m.typeParamsOf(tn).Len(); i++ {
			tparams = append(tparams, m.typeParamSlot(tn, m.typeParamsOf(tn).At(i).Obj().Name()))
		}
	}
	for _, t := range tparams {
		for _, f := range fields {
			if f == t {
				p.unsupported(ts, "a field named as a type parameter with an underscore ("+t+")", "another name for one of them")
			}
		}
	}
	if len(tparams) > 0 {
		m.emit("    go_type_params = %s  # the type arguments each instance keeps", pyTuple(tparams))
	}
	if slots := append(append([]string(nil), fields...), tparams...); len(slots) == 1 {
		m.emit("    __slots__ = (%q,)", slots[0])
	} else {
		quoted := make([]string, len(slots))
		for i, f := range slots {
			quoted[i] = fmt.Sprintf("%q", f)
		}
		m.emit("    __slots__ = (%s)", strings.Join(quoted, ", "))
	}
	var durations, float32s, empties, values, times, generic, genericElems, sized, nilPointers []string // fmt prints them as Durations, 1.5s; as values, {1 2}
	for _, i := range keep {
		name, ft := fieldName(st.Field(i).Name()), st.Field(i).Type()
		if _, ok := ft.(*types.Pointer); ok && !hasTypeParam(ft) && st.Field(i).Name() != "_" {
			verbs := "" // the verbs under which fmt calls a method of a nil one: it prints <nil>
			if isFormatter(ft) {
				verbs = "*"
			} else if hasFmtMethod(ft) {
				verbs = "vsqxX"
			}
			nilPointers = append(nilPointers, fmt.Sprintf("%q: (%q, %q, %q)", st.Field(i).Name(), name, reflectType(ft), verbs))
		}
		if tp, ok := ft.(*types.TypeParam); ok {
			generic = append(generic, fmt.Sprintf("%q: %q", name, m.typeParamSlot(tn, tp.Obj().Name())))
		}
		if tp := elemParam(ft); tp != nil {
			genericElems = append(genericElems, fmt.Sprintf("%q: %q", name, m.typeParamSlot(tn, tp.Obj().Name())))
		}
		if isDuration(ft) {
			durations = append(durations, name)
		}
		if e := elemType(ft); isFloat32(ft) || e != nil && isFloat32(e) {
			float32s = append(float32s, name) // 3.3, not 3.299999952316284
		}
		if isEmptyStruct(ft) {
			empties = append(empties, fmt.Sprintf("%q: \"\"", name)) // {}, not <nil>
		} else if path := emptiesPath(ft); path != "" {
			empties = append(empties, fmt.Sprintf("%q: %q", name, path)) // map[a:{}]: "."
		} else if path := emptiesPath(ft.Underlying()); path != "" && !st.Field(i).Exported() {
			// a Set map[int]struct{} with a String method, which fmt cannot call there
			empties = append(empties, fmt.Sprintf("%q: %q", name, path))
		}
		if ptr, ok := ft.(*types.Pointer); ok && libraryBasicClass(ptr.Elem()) != "" {
			// a *time.Month: March, a *time.Duration: 1s
			times = append(times, fmt.Sprintf("%q: lambda x: go.pointed(%s, x)", name, libraryBasicClass(ptr.Elem())))
		} else if cls := m.structClassOfPointer(ft); cls != "" && hasFmtMethod(ft) {
			// a nil *Node: (*Node)(nil), whose String method fmt calls (end, not <nil>)
			times = append(times, fmt.Sprintf("%q: lambda x: go.as_iface(x, %s)", name, cls))
		} else if ptr, ok := ft.(*types.Pointer); ok && hasFmtMethod(ft) && namedOf(ptr.Elem()) != nil &&
			namedOf(ptr.Elem()).TypeArgs().Len() > 0 && m.programStruct(ptr.Elem()) && m.p.nilSafeFmt(namedOf(ptr.Elem()).Origin()) {
			// a nil *Node[int] whose String checks for nil: fmt calls it too
			times = append(times, fmt.Sprintf("%q: lambda x: go.as_iface(x, %s)", name, m.globals[namedOf(ptr.Elem()).Origin().Obj()]))
		} else if cls := m.structClassOfPointer(elemType(ft)); cls != "" && hasFmtMethod(elemType(ft)) && !hasFmtMethod(ft) {
			// a [2]*Node or []*Node: each nil one (*Node)(nil), whose String method fmt calls
			times = append(times, fmt.Sprintf("%q: lambda x: go.typed_nils(x, %s)", name, cls))
		} else if cls := m.namedValuePointer(ft); cls != "" {
			times = append(times, fmt.Sprintf("%q: lambda x: %s.pointer(x)", name, cls)) // a *Tags: by (*Tags).String
		} else if ptr, ok := ft.(*types.Pointer); ok && m.p.namedBasic(ptr.Elem()) && hasFmtMethod(ft) && m.basicClass(ptr.Elem()) != "" {
			// a *PF of a named number whose String has a pointer receiver: by it, as Go's
			times = append(times, fmt.Sprintf("%q: lambda x: go.BasicPointer(%s, x)", name, m.basicClass(ptr.Elem())))
		} else if cls := timeClass(ft); cls != "" {
			times = append(times, fmt.Sprintf("%q: %s", name, cls))
		} else if !isPointer(ft) && (isNamed(ft, "encoding/json", "RawMessage") || isNamed(ft, "encoding/json/jsontext", "Value")) {
			times = append(times, fmt.Sprintf("%q: go.json.RawField", name)) // its text, by jsontext.Value's String
		} else if cls := m.basicClass(ft); cls != "" && hasFmtMethod(ft) {
			times = append(times, fmt.Sprintf("%q: %s", name, m.laterClass(cls, ft, tn))) // a Celsius that arithmetic left a float
		} else if cls, params := m.listStringer(ft), m.ownTypeArgs(tn, ft); cls != "" && params != "" {
			// an X G[T] field of a type S[T any]: the struct value's type arguments
			times = append(times, fmt.Sprintf("%q: go.FieldInstance(%s, %s)", name, cls, params))
		} else if cls := m.listStringer(ft); cls != "" && namedOf(ft).TypeArgs().Len() > 0 && !hasTypeParam(ft) {
			// a G[int] field: its value keeps the type arguments its methods take
			n := namedOf(ft)
			kw := m.typeKeywords(n.Origin().TypeParams(), n.TypeArgs(), ts)
			times = append(times, fmt.Sprintf("%q: lambda x: %s.instance(x, %s)", name, cls, strings.Join(kw, ", ")))
		} else if cls := m.listStringer(ft); cls != "" {
			times = append(times, fmt.Sprintf("%q: %s", name, m.laterClass(cls, ft, tn))) // an IPAddr, a plain list
		} else if _, isMap := under(ft).(*types.Map); elemType(ft) != nil || isMap {
			lf := &fn{p: m.p, m: m, used: map[string]bool{"x": true}, names: map[types.Object]string{}}
			if lf.printsByMethod(ft, true) {
				// a []time.Duration field: [1m0s], as fmt calls each element's String
				times = append(times, fmt.Sprintf("%q: lambda x: %s", name, lf.printedAs(ft, "x", true, false, ts)))
			}
		}
		if cls := fieldNumberClass(ft); cls != "" && st.Field(i).Name() != "_" {
			sized = append(sized, fmt.Sprintf("%q: %s", st.Field(i).Name(), cls))
		}
		if m.programStruct(ft) || holdsStructs(ft) || !isPointer(ft) && isNamed(ft, "net/url", "URL") {
			// (struct values with a String or Error method too: values, which a verb
			// that calls neither, or an unexported field, prints field by field)
			values = append(values, name)
		}
	}
	if len(durations) > 0 {
		m.emit("    go_durations = %s  # time.Duration fields, printed as 1.5s", pyTuple(durations))
	}
	if len(float32s) > 0 {
		m.emit("    go_float32s = %s  # float32 fields (or slices, arrays of them), printed with a float32's digits", pyTuple(float32s))
	}
	if len(sized) > 0 {
		m.emit("    go_sized = {%s}  # sized integer fields (or slices, arrays, maps of them), []byte: %%!s(int8=-1), %%s of the text", strings.Join(sized, ", "))
	}
	if len(empties) > 0 {
		m.emit("    go_empties = {%s}  # struct{} fields, or the way to those inside (go.empties): {}", strings.Join(empties, ", "))
	}
	if len(blanks) > 0 {
		if len(blanks) == 1 {
			blanks[0] += "," // a tuple of one
		}
		m.emit("    go_blank_fields = (%s)  # fmt prints a blank field too, as its zero value", strings.Join(blanks, ", "))
	}
	if len(times) > 0 {
		m.emit("    go_stringers = {%s}  # fmt prints them by their String methods", strings.Join(times, ", "))
	}
	if len(generic) > 0 {
		m.emit("    go_generic_fields = {%s}  # struct values where their type argument is a struct type", strings.Join(generic, ", "))
	}
	if len(genericElems) > 0 {
		m.emit("    go_generic_elems = {%s}  # slices, arrays, maps of struct values where it is", strings.Join(genericElems, ", "))
	}
	if len(values) > 0 {
		m.emit("    go_fmt_values = %s  # struct values, and slices and maps of them", pyTuple(values))
	}
	if len(nilPointers) > 0 {
		m.emit("    go_nil_pointers = {%s}  # (slot, type, verbs of methods): a nil one under %%s is %%!s(*int=<nil>), under %%d 0", strings.Join(nilPointers, ", "))
	}
	if pm := m.pointerMethods(tn); len(pm) > 0 {
		m.emit("    go_pointer_methods = (%s,)  # which a value held in an interface lacks", strings.Join(pm, ", "))
	}
	if tn != nil && !comparableOrParam(tn.Type()) && m.heldInInterface(tn) || tn == nil && !types.Comparable(st) {
		var t types.Type = st // an anonymous struct's: struct { s []int }
		if tn != nil {
			t = tn.Type()
		}
		m.emit("    go_uncomparable = %s  # == of two held in interfaces panics, as Go's", pyString(reflectType(t)))
	}
	if tn != nil && len(fields) == 0 && len(tparams) == 0 {
		// a context key's type: its values are all equal, and the spec lets
		// pointers to them be equal too
		m.emit("")
		m.emit("    def __eq__(self, other):  # every value of an empty struct type is equal")
		m.emit("        return type(other) is type(self)")
		m.emit("")
		m.emit("    def __hash__(self):")
		m.emit("        return hash(type(self))")
	} else if tn != nil && m.keyed[tn] || tn == nil && m.anonIsKeyed(st) {
		m.emit("")
		m.emit("    def __eq__(self, other):  # a map key: equal by value, as Go compares keys")
		m.emit("        return type(other) is type(self) and go.struct_equal(self, other)")
		m.emit("")
		m.emit("    def __hash__(self):")
		m.emit("        return go.struct_hash(self)")
	}
	if tn != nil && len(tparams) == 0 && tn.Pkg().Name()+"."+tn.Name() != "main."+name {
		// fmt's %T and a failed type assertion name the type as Go does; without
		// go_name they take main.<the class's name>
		m.emit("    go_name = %s", pyString(tn.Pkg().Name()+"."+tn.Name()))
	}
	if tn == nil {
		m.emit("    go_name = %s  # %%T of a value held in an interface", pyString(reflectType(st)))
	}
	m.formatter(tn)
	if len(fields) > 0 || len(tparams) > 0 {
		m.emit("")
		var params []string
		var body []string
		for i, k := range keep {
			f := st.Field(k)
			z, fixed := m.zero(f.Type(), ts)
			if tp, ok := f.Type().(*types.TypeParam); ok {
				z = m.typeParamSlot(tn, tp.Obj().Name()) + "()" // the maker the instance keeps
			}
			if fixed {
				params = append(params, fmt.Sprintf("%s=%s", fields[i], z))
				body = append(body, fmt.Sprintf("        self.%s = %s", fields[i], fields[i]))
			} else {
				for _, name := range fields { // an embedded T (or a field named T): the parameter T hides the class
					called := regexp.MustCompile(`(^|[^\w.])` + regexp.QuoteMeta(name) + `\(`) // [Pos() for _ in range(1)] too
					z = called.ReplaceAllString(z, fmt.Sprintf("${1}globals()[%q](", name))
				}
				params = append(params, fields[i]+"=None")
				body = append(body, fmt.Sprintf("        self.%s = %s if %s is None else %s", fields[i], z, fields[i], fields[i]))
			}
		}
		if len(tparams) > 0 {
			params = append(params, "*")
			for _, t := range tparams {
				params = append(params, t)
				body = append(body, fmt.Sprintf("        self.%s = %s", t, t))
			}
		}
		m.emit("    def __init__(self, %s):", strings.Join(params, ", "))
		m.out = append(m.out, body...)
	}
	m.methods(methods)
	if tn != nil {
		m.promoted(tn.Type())
	} else {
		m.promoted(st)
	}
	for _, f := range anon {
		fst, _ := anonElem(f.Type())
		m.structClass(m.anon[fst], "field "+goName+"."+f.Name(), ts, p.fset.Position(f.Pos()).Line, nil, fst, nil)
	}
}

// anonElem: the anonymous struct type of a field, or of its array's or slice's
// elements (parts [4]struct{ mu sync.Mutex; m map[string]int }: striped locks).
func anonElem(t types.Type) (*types.Struct, bool) {
	switch u := t.(type) {
	case *types.Array:
		t = u.Elem()
	case *types.Slice:
		t = u.Elem()
	}
	st, ok := t.(*types.Struct)
	return st, ok
}

// embeddable: the embedded fields the translation supports.
func (m *module) embeddable(t types.Type) bool {
	if ptr, ok := t.(*types.Pointer); ok {
		t = ptr.Elem()
	}
	t = types.Unalias(t) // struct{ Coord } of type Coord = Point
	n, ok := t.(*types.Named)
	if !ok {
		return false
	}
	if n.Obj().Pkg() == nil {
		return n.Obj().Name() == "error" && t == types.Type(n) // type permanent struct{ error }
	}
	if m.p.ours(n.Obj().Pkg()) {
		switch n.Underlying().(type) {
		case *types.Struct:
			return true
		case *types.Interface: // type readOnly struct{ Store }: the value it holds has the methods
			return t == types.Type(n)
		case *types.Slice, *types.Map:
			// type ByName struct{ Organs }: the slice in the field, its methods promoted
			// (a pointer method, (*Stack).Push, given the field's go.FieldRef)
			return t == types.Type(n)
		case *types.Basic:
			// struct{ Level; Msg string } of a named int with String
			return t == types.Type(n) && valueMethodsOnly(n)
		}
		return false
	}
	key := n.Obj().Pkg().Path() + "." + n.Obj().Name()
	if embeddedLibrary[key] {
		return true // its methods are golib's, called through the field (see promoted)
	}
	return key == "sync.Mutex" || key == "sync.RWMutex" ||
		(key == "sync.WaitGroup" || key == "sync.Locker" || key == "net/url.Values" || key == "context.Context" || key == "time.Duration" || key == "time.Time" ||
			key == "fmt.Stringer") && t == types.Type(n) // struct{ fmt.Stringer }: its String promoted (see promoted)
}

// valueMethodsOnly: every method of n has a value receiver.
func valueMethodsOnly(n *types.Named) bool {
	for i := 0; i < n.NumMethods(); i++ {
		if _, ptr := n.Method(i).Type().(*types.Signature).Recv().Type().(*types.Pointer); ptr {
			return false
		}
	}
	return true
}

// embeddedLibrary: the library's types a struct of the program may embed, by value
// or pointer (an interface by value), besides sync's mutexes and context.Context.
var embeddedLibrary = map[string]bool{
	"strings.Builder": true, "strings.Reader": true, "bytes.Buffer": true, "bytes.Reader": true,
	"bufio.Reader": true, "bufio.Writer": true, "bufio.Scanner": true,
	"io.Writer": true, "io.Reader": true, "io.ReadWriter": true,
	"io.Closer": true, "io.ReadCloser": true, "io.WriteCloser": true, "io.ReadWriteCloser": true, "net.Conn": true,
	"log/slog.Handler": true, "log.Logger": true, "sort.Interface": true, "container/list.List": true,
}

// syncMethods: the simlab spelling of the methods a sync type embedded in a struct promotes.
var syncMethods = map[string]string{"Lock": "lock", "Unlock": "unlock", "RLock": "rlock",
	"RUnlock": "runlock", "TryLock": "try_lock", "TryRLock": "try_rlock", "RLocker": "rlocker"}

// promotedMethod emits the method name, promoted from the embedded field at path,
// of any arguments, which returns ret.
func (m *module) promotedMethod(name, path, ret string) {
	m.emit("")
	m.emit("    def %s(self, *args):  # promoted from %s", name, strings.TrimPrefix(path, "."))
	m.emit("        return %s", ret)
}

// promoted: a method an embedded field promotes is the embedded value's, called through it.
func (m *module) promoted(t types.Type) {
	ms := types.NewMethodSet(types.NewPointer(t))
	for i := 0; i < ms.Len(); i++ {
		sel := ms.At(i)
		if len(sel.Index()) < 2 {
			continue
		}
		fn := sel.Obj().(*types.Func)
		name := fieldName(fn.Name())
		path, ft := embeddedField(t, sel.Index())
		held := "self" + path // the embedded value a promoted method of the program's is given
		if isPointer(ft) && !m.programStruct(ft.(*types.Pointer).Elem()) {
			held = "go.deref(self" + path + ").v" // a *Counter embedded: the number it points to
		}
		if fn.Pkg() != nil && fn.Pkg().Path() == "log" {
			// s.Printf of an embedded *log.Logger: the program's calls go through the
			// field; an interface's or a method value's, by Go's name, here
			call := ""
			switch fn.Name() {
			case "Print", "Printf", "Println":
				call = fn.Name()
			case "SetPrefix", "Prefix", "SetFlags", "Flags", "SetOutput", "Writer":
				call = snake(fn.Name())
			default:
				continue // Fatal and Panic end the run through the field's call
			}
			m.promotedMethod(fn.Name(), path, fmt.Sprintf("self%s.%s(*args)", path, call))
			continue
		}
		if fn.Pkg() == nil && fn.Name() == "Error" {
			// struct{ error }: the text of the error it holds (nil's is Go's panic)
			m.emit("")
			m.emit("    def Error(self):  # promoted from %s", strings.TrimPrefix(path, "."))
			m.emit("        return go.error_text(self%s)", path)
			continue
		}
		if key := methodKey(fn); !m.p.ours(fn.Pkg()) && embeddedLibrary[strings.TrimSuffix(key, "."+fn.Name())] {
			// for the library, which calls Go's names (fmt a String, io.ReadFull a
			// Read); the program's calls go through the field itself
			call := "self" + path + "." + snake(fn.Name()) + "(*args)"
			switch {
			case key == "io.Writer.Write" || key == "net.Conn.Write":
				call = "go.promoted_write(self" + path + ", *args)" // a pipe's may block
			case fn.Name() == "WriteTo" && key != "bytes.Buffer.WriteTo": // io.Copy(dst, blob) of a struct{ *bytes.Reader }
				call = "go.promoted_write_to(self" + path + ", *args)"
			case fn.Name() == "Read" || key == "io.Closer.Close" || fn.Pkg().Path() == "net" || fn.Pkg().Path() == "log/slog" ||
				fn.Pkg().Path() == "sort": // type reverse struct{ sort.Interface }
				call = "self" + path + "." + fn.Name() + "(*args)" // Go's name, the program's or a pipe's
			}
			m.promotedMethod(fn.Name(), path, call)
			continue
		}
		if key := methodKey(fn); (key == "io.StringWriter.WriteString" || key == "io.ByteWriter.WriteByte") && types.IsInterface(ft) {
			// struct{ Logger } of a Logger embedding io.StringWriter: the held value's
			// own method, by Go's name (a Buffer's and a Builder's have it too)
			m.promotedMethod(fn.Name(), path, fmt.Sprintf("self%s.%s(*args)", path, fn.Name()))
			continue
		}
		if methodKey(fn) == "fmt.Stringer.String" {
			// type Node interface{ fmt.Stringer } embedded: the value it holds prints
			m.emit("")
			m.emit("    def String(self):  # promoted from %s", strings.TrimPrefix(path, "."))
			m.emit("        return self%s.String()", path)
			continue
		}
		if methodKey(fn) == "time.Time.String" {
			// type DateOnly struct{ time.Time }: fmt prints it by the promoted String
			m.emit("")
			m.emit("    def String(self):  # promoted from %s", strings.TrimPrefix(path, "."))
			m.emit("        return go.Time(self%s, rt).String()", path)
			continue
		}
		if methodKey(fn) == "time.Time.MarshalJSON" {
			// type Event struct{ time.Time; Name string }: encoding/json calls the promoted one
			m.emit("")
			m.emit("    def MarshalJSON(self):  # promoted from %s", strings.TrimPrefix(path, "."))
			m.emit("        return go.time_marshal_json(self%s, rt)", path)
			continue
		}
		if methodKey(fn) == "time.Time.UnmarshalJSON" {
			// type Stamped struct{ time.Time; Seq int }: encoding/json calls the promoted one
			m.emit("")
			m.emit("    def UnmarshalJSON(self, data):  # promoted from %s", strings.TrimPrefix(path, "."))
			m.emit("        self%s, err = go.time_unmarshal_json(data, self%s, rt)", path, path)
			m.emit("        return err")
			continue
		}
		if strings.HasPrefix(methodKey(fn), "time.Duration.") {
			// type Timeout struct{ time.Duration }: fmt prints it by the promoted String,
			// and an interface{ Seconds() float64 } holding one calls Seconds
			m.promotedMethod(fn.Name(), path, fmt.Sprintf("go.Duration(self%s).%s(*args)", path, fn.Name()))
			continue
		}
		if rt := fn.Type().(*types.Signature).Recv().Type(); !isPointer(rt) && namedOf(rt) != nil && m.p.ours(fn.Pkg()) && m.basics[namedOf(rt).Obj()] {
			// a value method of an embedded named number or string, whose arithmetic
			// (o.Flags |= 2) may have left the field a plain int: its class's, given the value
			m.promotedMethod(name, path, fmt.Sprintf("%s.%s(%s, *args)", m.globals[namedOf(rt).Obj()], name, held))
			continue
		}
		if recv := namedOf(fn.Type().(*types.Signature).Recv().Type()); recv != nil && m.p.ours(fn.Pkg()) && m.values[recv.Obj()] {
			// a method of an embedded named slice or map: its class's, given the field's value
			// (and, of a generic one, Vec[float64], its type arguments)
			m.emit("")
			m.emit("    def %s(self, *args):  # promoted from %s", name, strings.TrimPrefix(path, "."))
			kw := ""
			if e := namedOf(ft); e != nil && e.TypeArgs().Len() > 0 {
				if outer := namedOf(t); outer != nil && outer.TypeParams().Len() > 0 {
					for i := 0; i < outer.TypeParams().Len(); i++ { // Series[T]{ Vec[T] }: T is the series' own
						tp := outer.TypeParams().At(i).Obj().Name()
						m.emit("        %s = self.%s", tp, m.typeParamSlot(outer.Obj(), tp))
					}
				}
				kw = ", " + strings.Join(m.typeKeywords(e.Origin().TypeParams(), e.TypeArgs(), nil), ", ")
			}
			if isPointer(fn.Type().(*types.Signature).Recv().Type()) { // (*Stack).Push: the field's pointer
				if isPointer(ft) {
					held = "go.deref(self" + path + ")"
				} else {
					last := strings.LastIndex(path, ".")
					held = "go.FieldRef(self" + path[:last] + ", " + pyString(path[last+1:]) + ")"
				}
			}
			m.emit("        return %s.%s(%s, *args%s)", m.globals[recv.Obj()], name, held, kw)
			continue
		}
		if strings.HasPrefix(methodKey(fn), "net/url.Values.") {
			// type Form struct{ url.Values } in an interface{ Encode() string }: the
			// map's method, golib's function of it
			m.promotedMethod(fn.Name(), path, fmt.Sprintf("go.url.values_%s(self%s, *args)", snake(fn.Name()), path))
			continue
		}
		if strings.HasPrefix(methodKey(fn), "sync.WaitGroup.") && fn.Name() != "Go" {
			// type Job struct{ sync.WaitGroup } in an interface{ Wait() }: w.Wait()
			m.promotedMethod(fn.Name(), path, fmt.Sprintf("go.SyncValue(self%s).%s(*args)", path, fn.Name()))
			continue
		}
		if !m.p.ours(fn.Pkg()) {
			py, ok := syncMethods[fn.Name()]
			if fn.Pkg().Path() == "context" {
				py, ok = strings.ToLower(fn.Name()), true // ctx.done(), ctx.deadline()
			}
			if !ok {
				continue
			}
			name = py
			m.emit("")
			m.emit("    def %s(self, *args):  # promoted from %s, by Go's name (x.(sync.Locker), l.Lock())",
				fn.Name(), strings.TrimPrefix(path, "."))
			switch fn.Name() {
			case "Lock", "Unlock", "RLock", "RUnlock":
				if types.IsInterface(ft) && m.p.localLocker() {
					// struct{ sync.Locker } holding a go.Locker or the program's own locker
					m.emit("        return self%s.%s()", path, fn.Name())
					break
				}
				m.emit("        return go.Locker(self%s).%s()", path, fn.Name()) // l.Lock(): yield from it
			case "RLocker":
				m.emit("        return go.Locker(self%s.rlocker())", path)
			default:
				m.emit("        return self%s.%s(*args)", path, name)
			}
		}
		m.emit("")
		m.emit("    def %s(self, *args):  # promoted from %s", name, strings.TrimPrefix(path, "."))
		if cls := m.structClassOfPointer(fn.Type().(*types.Signature).Recv().Type()); cls != "" {
			// the class's method, given the field: a nil *Logger's too, which may take nil
			m.emit("        return %s.%s(self%s, *args)", cls, name, path)
			continue
		}
		m.emit("        return self%s.%s(*args)", path, name)
	}
}

// embeddedPath: ".A.B" for the embedded fields an index path walks through (all but its last).
func embeddedPath(t types.Type, index []int) string {
	path, _ := embeddedField(t, index)
	return path
}

// embeddedField: embeddedPath, and the type of the embedded field it ends at.
func embeddedField(t types.Type, index []int) (string, types.Type) {
	path := ""
	for _, i := range index[:len(index)-1] {
		if ptr, ok := t.(*types.Pointer); ok {
			t = ptr.Elem()
		}
		f := t.Underlying().(*types.Struct).Field(i)
		path += "." + fieldName(f.Name())
		t = f.Type()
	}
	return path, t
}

func fieldName(n string) string {
	if n == "self" {
		return "self_" // a class's __init__ takes its fields beside its own self
	}
	if strings.HasSuffix(n, "_") && n != "_" {
		return n + "_" // Name_ is Name__, so that fmt, taking one off, prints Name_
	}
	for _, w := range pyReserved {
		if w == n {
			return n + "_"
		}
	}
	return n
}

// zero is the Python for the zero value of t, and whether it is a constant
// (safe as a default argument) rather than a fresh object.
func (m *module) zero(t types.Type, at ast.Node) (string, bool) {
	t = types.Unalias(t) // var h StrGraph of a type StrGraph = Graph[string]: Graph[string]'s
	if tp, ok := t.(*types.TypeParam); ok {
		// a generic function's type parameter is a keyword argument holding its
		// zero value's maker: int, str, or a lambda (typeArg)
		return tp.Obj().Name() + "()", false
	}
	if n, ok := t.(*types.Named); ok && n.Obj().Pkg() != nil {
		switch n.Obj().Pkg().Path() + "." + n.Obj().Name() {
		case "sync.Mutex":
			return "rt.mutex()", false
		case "sync.RWMutex":
			return "rt.rwmutex()", false
		case "sync.WaitGroup":
			return "rt.waitgroup()", false
		case "sync.Once":
			return "rt.once()", false
		case "sync.Map":
			return "rt.sync_map()", false
		case "sync.Pool":
			return "go.Pool()", false
		case "golang.org/x/sync/errgroup.Group":
			return "errgroup.Group(rt)", false
		case "sync.Cond":
			return "rt.cond(None)", false // its L is set before use
		case "sync/atomic.Int32", "sync/atomic.Int64", "sync/atomic.Uint32", "sync/atomic.Uint64",
			"sync/atomic.Bool", "sync/atomic.Pointer", "sync/atomic.Value":
			return "rt.atomic_" + strings.ToLower(n.Obj().Name()) + "()", false
		case "strings.Builder":
			return "go.Builder()", false
		case "bytes.Buffer":
			return "go.Buffer()", false
		case "strings.Reader":
			return "go.StringsReader()", false
		case "bytes.Reader":
			return "go.BytesReader()", false
		case "text/tabwriter.Writer":
			return "go.TabWriter()", false // its output is set by Init
		case "container/list.List":
			return "go.List()", false
		case "container/ring.Ring":
			return "go.Ring()", false // a ring of one element
		case "math/big.Int":
			return "go.BigInt()", false
		case "math/big.Rat":
			return "go.BigRat()", false // 0, its denominator not yet set
		case "time.Duration":
			return "0", true
		case "time.Time":
			return "go.ZERO_TIME", true // 0001-01-01 00:00:00 UTC
		case "context.Context", "context.CancelFunc":
			return "None", true
		case "log/slog.LevelVar":
			return "go.slog.LevelVar()", false
		case "log/slog.Attr":
			return "go.slog.Attr()", false
		case "log/slog.HandlerOptions":
			return "go.slog.HandlerOptions()", false
		case "log/slog.Value":
			return "go.slog.Value()", false
		case "log/slog.Record":
			return "go.slog.Record()", false
		case "io/fs.PathError":
			return "go.PathError()", false
		case "net.OpError":
			return "go.OpError()", false
		case "net/url.URL":
			return "go.url.URL()", false
		case "net/url.Error":
			return "go.url.Error()", false
		case "io.LimitedReader":
			return "go.LimitedReader()", false
		case "unique.Handle":
			return "go.Handle()", false // equal only to another zero handle
		}
		if m.p.ours(n.Obj().Pkg()) {
			if _, ok := n.Underlying().(*types.Struct); ok {
				return m.globals[n.Obj()] + "(" + strings.Join(m.typeArgs(n, at), ", ") + ")", false
			}
			if m.wrapped[n.Obj()] {
				return m.globals[n.Obj()] + "(sl.nil_chan)", false
			}
			if m.basics[n.Obj()] {
				return m.globals[n.Obj()] + "()", true
			}
		} else if _, ok := n.Underlying().(*types.Struct); ok {
			switch n.Obj().Pkg().Path() {
			case "sync", "sync/atomic", "time", "context":
				m.p.unsupported(at, "a value of type "+n.String(), "the simlab primitives: channels, sync.Mutex/RWMutex/WaitGroup/Once/Map/Pool, sync/atomic's types but Uintptr, contexts, timers by pointer")
			}
			m.p.unsupported(at, "a value of type "+n.String(), "the standard library subset simlab models: docs/translate.md lists it")
		}
	}
	switch t := t.Underlying().(type) {
	case *types.Basic:
		switch {
		case t.Info()&types.IsBoolean != 0:
			return "False", true
		case t.Info()&types.IsString != 0:
			return `""`, true
		case t.Info()&types.IsFloat != 0:
			return "0.0", true
		case t.Info()&types.IsComplex != 0:
			return "0j", true
		case t.Info()&types.IsNumeric != 0:
			return "0", true
		}
		return "None", true
	case *types.Chan:
		return "sl.nil_chan", true
	case *types.Map:
		return "go.NIL_MAP", true // reads as empty; an assignment to an entry panics
	case *types.Slice:
		return m.nilOf(t), false
	case *types.Struct:
		if t.NumFields() == 0 {
			return "None", true
		}
		if name := m.anonClass(t); name != "" {
			return name + "()", false // a field's or a literal's anonymous struct type
		}
		m.p.unsupported(at, "an anonymous struct type", "a named struct type")
	case *types.Array:
		elem := m.arrayElem(t, at)
		z, fixed := m.zero(elem, at)
		if fixed {
			return fmt.Sprintf("[%s] * %d", z, t.Len()), false
		}
		return fmt.Sprintf("[%s for _ in range(%d)]", z, t.Len()), false
	}
	return "None", true // a nil pointer, to an anonymous struct type's value too
}

// functions: every declared function in source order (methods live in their class).
func (m *module) functions() {
	for _, u := range m.a.units {
		if u.decl == nil || u.decl.Recv != nil {
			continue
		}
		m.emit("")
		m.emit("")
		f := m.newFunc(u, nil)
		f.function()
		m.out = append(m.out, f.lines...)
	}
}

// bind sets the runtime and the package-level variables.
func (m *module) bind() {
	p := m.p
	m.emit("")
	m.emit("")
	m.emit("def bind(runtime: sl.Runtime) -> None:")
	m.emit(`    """Run the program on ` + "``runtime``" + `: set ` + "``rt``" + ` and the package's variables."""`)
	var names []string
	specs := map[*types.Package][]*ast.ValueSpec{}
	var order []*types.Package // each package after those it imports, as Go initializes them
	for _, f := range p.files {
		pkg := p.pkgOf[f]
		if !slices.Contains(order, pkg) {
			order = append(order, pkg)
		}
		for _, d := range f.Decls {
			gd, ok := d.(*ast.GenDecl)
			if !ok || gd.Tok != token.VAR {
				continue
			}
			for _, s := range gd.Specs {
				vs := s.(*ast.ValueSpec)
				specs[pkg] = append(specs[pkg], vs)
				for _, n := range vs.Names {
					if n.Name != "_" {
						names = append(names, m.globals[p.info.Defs[n]])
					}
				}
			}
		}
	}
	m.emit("    global %s", strings.Join(append([]string{"rt"}, names...), ", "))
	m.emit("    rt = runtime")
	init := &unit{name: p.pkg.Name() + ".init", file: p.names[0]}
	f := m.newFunc(init, nil)
	f.indent = 1
	// From the first initialization that blocks on, the rest is go_init: steps
	// that goroutine 1 runs before main, as Go's runtime runs a package's
	// initialization in the main goroutine. A package's variables initialized
	// there are a function of their own, which Go's stack traces name pkg.init.
	type step struct {
		name  string   // an init function, or the variables' function
		goPkg string   // the package whose variables the lines initialize
		lines []string // the variables' lines
	}
	var steps []step
	blocked := false
	for _, pkg := range order {
		for _, vs := range m.initOrdered(pkg, specs[pkg]) {
			start := len(f.lines)
			f.valueSpec(vs, true)
			for _, l := range f.lines[start:] {
				blocked = blocked || strings.Contains(l, "yield")
			}
			if blocked {
				if n := len(steps); n == 0 || steps[n-1].goPkg != pkg.Name() {
					steps = append(steps, step{name: m.pyName("init_vars"), goPkg: pkg.Name()})
				}
				last := &steps[len(steps)-1]
				last.lines = append(last.lines, f.lines[start:]...)
				f.lines = f.lines[:start]
			}
		}
		for _, u := range m.a.units { // func init(), in source order, after the variables
			if u.decl != nil && u.decl.Recv == nil && u.decl.Name.Name == "init" && p.info.Defs[u.decl.Name].Pkg() == pkg {
				// an init the emitter wrote with a yield runs as a generator even where
				// the analysis found it plain: called plainly, it would silently not run
				blocked = blocked || u.gen || m.emittedYield(m.initName(u))
				if blocked {
					steps = append(steps, step{name: m.initName(u)})
				} else {
					f.lines = append(f.lines, "    "+m.initName(u)+"()")
				}
			}
		}
	}
	m.out = append(m.out, f.lines...)
	if !blocked {
		return
	}
	var stepNames []string
	for _, st := range steps {
		stepNames = append(stepNames, st.name)
		if st.goPkg == "" {
			continue
		}
		m.emit("")
		m.emit("")
		m.emit("@sl.gofunc(%q, file=%q)", st.goPkg+".init", p.names[0])
		m.emit("def %s():", st.name)
		m.emit(`    """The package's variables whose initialization waits, or follows one that does."""`)
		m.emit("    global %s", strings.Join(names, ", "))
		m.out = append(m.out, st.lines...)
	}
	m.emit("")
	m.emit("")
	m.emit("# the package's initialization from the first step that blocks on, which goroutine 1")
	m.emit("# runs before main (simlab.translate.entry), as Go's runtime does")
	m.emit("go_init = [%s]", strings.Join(stepNames, ", "))
}

// comparableOrParam: t is comparable, a field or an element of a type parameter's
// type counted comparable: P[K any] struct{ Key K } is, for each comparable K (the
// run keeps no type arguments to tell P[[]int] apart).
func comparableOrParam(t types.Type) bool {
	if types.Comparable(t) || isTypeParam(t) {
		return true
	}
	switch u := under(t).(type) {
	case *types.Struct:
		for i := 0; i < u.NumFields(); i++ {
			if !comparableOrParam(u.Field(i).Type()) {
				return false
			}
		}
		return true
	case *types.Array:
		return comparableOrParam(u.Elem())
	}
	return false
}

// pyName reserves a module-level Python name: base, or base_2, base_3...
func (m *module) pyName(base string) string {
	name := base
	for i := 2; m.reserved[name]; i++ {
		name = fmt.Sprintf("%s_%d", base, i)
	}
	m.reserved[name] = true
	return name
}

// initOrdered: a package's variable declarations in the order Go initializes
// them: those without an initializer hold their zero values from the start, the
// others follow their initializers' dependencies, then their declaration order
// (files in the order the go command gives them).
func (m *module) initOrdered(pkg *types.Package, specs []*ast.ValueSpec) []*ast.ValueSpec {
	rank := map[types.Object]int{}
	for i, init := range m.p.initOrder[pkg] {
		for _, v := range init.Lhs {
			rank[v] = i + 1
		}
	}
	key := func(vs *ast.ValueSpec) int {
		if len(vs.Values) == 0 {
			return 0
		}
		k := len(rank) + 1 // not found: after the others, in declaration order
		for _, n := range vs.Names {
			if r, ok := rank[m.p.info.Defs[n]]; ok && r < k {
				k = r
			}
		}
		return k
	}
	// var x, y = y0 + 1, 2 before var y0 = 40: Go initializes y, then y0, then x;
	// a declaration whose names another one's initialization falls between is
	// split into one declaration per name
	var split []*ast.ValueSpec
	for _, vs := range specs {
		if len(vs.Names) < 2 || len(vs.Values) != len(vs.Names) {
			split = append(split, vs)
			continue
		}
		lo, hi := len(rank)+1, 0
		for _, n := range vs.Names {
			r := rank[m.p.info.Defs[n]]
			lo, hi = min(lo, r), max(hi, r)
		}
		between := false
		for v, r := range rank {
			if lo < r && r < hi && !slices.ContainsFunc(vs.Names, func(n *ast.Ident) bool { return m.p.info.Defs[n] == v }) {
				between = true
			}
		}
		// var x, y = 1, x + 1: y's initializer reads x, which Go has set first
		own := map[types.Object]bool{}
		for _, n := range vs.Names {
			own[m.p.info.Defs[n]] = true
		}
		for _, e := range vs.Values {
			ast.Inspect(e, func(x ast.Node) bool {
				if id, ok := x.(*ast.Ident); ok && own[m.p.info.Uses[id]] {
					between = true
				}
				return !between
			})
		}
		if !between {
			split = append(split, vs)
			continue
		}
		for i, n := range vs.Names {
			split = append(split, &ast.ValueSpec{Names: []*ast.Ident{n}, Type: vs.Type, Values: []ast.Expr{vs.Values[i]}})
		}
	}
	out := slices.Clone(split)
	slices.SortStableFunc(out, func(a, b *ast.ValueSpec) int { return key(a) - key(b) })
	return out
}

// initName: Go's init functions are main.init.0, main.init.1, ...; in Python init_0, ...
func (m *module) initName(u *unit) string {
	k := 0
	for _, v := range m.a.units {
		if v == u {
			break
		}
		if v.decl != nil && v.decl.Recv == nil && v.decl.Name.Name == "init" {
			k++
		}
	}
	return fmt.Sprintf("init_%d", k)
}

// pointerMethods: the methods of tn with a pointer receiver, quoted, where the
// program holds a value of tn in an interface, whose method set lacks them.
func (m *module) heldInInterface(tn *types.TypeName) bool {
	for e := range m.p.ifaceValues {
		t := m.p.info.TypeOf(e)
		if n, ok := t.(*types.Named); ok {
			t = n.Origin() // a generic type's instance
		}
		if types.Identical(t, tn.Type()) {
			return true
		}
	}
	return false
}

func (m *module) pointerMethods(tn *types.TypeName) []string {
	if tn == nil {
		return nil
	}
	held := m.heldInInterface(tn)
	var names []string
	printed := false // a String or Error of a pointer receiver, which fmt cannot call on a field's value
	values := types.NewMethodSet(tn.Type())
	pointers := types.NewMethodSet(types.NewPointer(tn.Type()))
	for i := 0; i < pointers.Len(); i++ {
		if fn := pointers.At(i).Obj(); values.Lookup(fn.Pkg(), fn.Name()) == nil {
			names = append(names, fmt.Sprintf("%q", fieldName(fn.Name())))
			printed = printed || fn.Name() == "String" || fn.Name() == "Error"
		}
	}
	if !held && !printed {
		return nil
	}
	return names
}

// listStringer: the class of t, a named array, slice or map type of the program
// that fmt prints by its String or Error method, whose values are plain lists and
// dicts; or "".
func (m *module) listStringer(t types.Type) string {
	n, ok := t.(*types.Named)
	if !ok || !m.p.isNamedValue(t) || !hasFmtMethod(t) {
		return ""
	}
	switch under(t).(type) {
	case *types.Array, *types.Slice, *types.Map, *types.Basic, *types.Signature:
		return m.globals[n.Obj()] // a named bool's too, a named func type's
	}
	return ""
}

// rangedChunks: for _, chunk := range [][]T{s[:mid], s[mid:]} { ... }, or for
// chunk := range slices.Chunk(s, n) { ... }, whose body only reads chunk where it
// stands and can neither block nor write an element of a slice: no other
// goroutine runs and nothing writes s from the sub-slices taken to the loop's
// end, so their copies read what Go's views do.
func (m *module) rangedChunks(r *ast.RangeStmt, readOnly, targets map[ast.Expr]bool, aliases *sliceAliases) bool {
	p := m.p
	if r.Tok != token.DEFINE {
		return false
	}
	var v types.Object
	var roots []any
	if c, ok := ast.Unparen(r.X).(*ast.CallExpr); ok && calleeName(p, c) == "slices.Chunk" && len(c.Args) == 2 {
		if key, named := r.Key.(*ast.Ident); named {
			v = p.info.Defs[key]
			roots = append(roots, aliases.find(aliases.source(c.Args[0])))
		}
	} else if lit, ok := ast.Unparen(r.X).(*ast.CompositeLit); ok && isSliceType(p.info.TypeOf(lit)) {
		if value, named := r.Value.(*ast.Ident); named {
			v = p.info.Defs[value]
			for _, e := range lit.Elts {
				if se, ok := ast.Unparen(e).(*ast.SliceExpr); ok {
					roots = append(roots, aliases.find(aliases.source(se.X)))
				}
			}
		}
	}
	safe := v != nil && len(roots) > 0
	ast.Inspect(r.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.Ident:
			if p.info.Uses[n] == v && !readOnly[n] {
				safe = false
			}
		case *ast.IndexExpr:
			if id, ok := ast.Unparen(n.X).(*ast.Ident); ok && p.info.Uses[id] == v && !targets[n] {
				return false // chunk[i], read
			}
			if targets[n] && mapElem(p.info.TypeOf(n.X)) == nil {
				safe = false
			}
		case *ast.AssignStmt:
			for _, l := range n.Lhs {
				if src := aliases.source(l); src != nil && slices.Contains(roots, aliases.find(src)) {
					safe = false
				}
			}
		case *ast.CallExpr:
			name := calleeName(p, n)
			builtin := slices.Contains([]string{"len", "cap", "append", "min", "max"}, name)
			pure := strings.HasPrefix(name, "fmt.") || strings.HasPrefix(name, "strings.") || strings.HasPrefix(name, "strconv.")
			if !builtin && !pure && !p.info.Types[n.Fun].IsType() {
				safe = false
			}
		case *ast.FuncLit, *ast.GoStmt, *ast.DeferStmt, *ast.SendStmt, *ast.SelectStmt:
			safe = false
		case *ast.UnaryExpr:
			if n.Op == token.ARROW {
				safe = false
			}
		}
		return safe
	})
	return safe
}

// wholeArray: se is arr[:] of a local array variable that is never assigned
// whole, nor boxed, in a program that asks no capacity, and nothing appends to
// the slices that share its array: the slice may be the array's own list, which
// has its length, so that a write through it (a sort) reaches the array as Go's
// does.
func (m *module) wholeArray(se *ast.SliceExpr, aliases *sliceAliases) bool {
	p := m.p
	id, ok := ast.Unparen(se.X).(*ast.Ident)
	if !ok || m.capacities || se.Low != nil || se.High != nil || se.Slice3 {
		return false
	}
	v, ok := p.info.Uses[id].(*types.Var)
	if !ok || p.packageLevel(v) || m.a.assigns[v] > 0 || m.boxed[v] {
		return false
	}
	if _, isArray := v.Type().Underlying().(*types.Array); !isArray {
		return false
	}
	return !m.appendedInto(aliases.find(aliases.source(se.X)), aliases)
}

// appendedInto: an append's first operand may share the arrays of the group root.
func (m *module) appendedInto(root any, aliases *sliceAliases) bool {
	appended := false
	for _, f := range m.p.files {
		ast.Inspect(f, func(n ast.Node) bool {
			if c, ok := n.(*ast.CallExpr); ok && calleeName(m.p, c) == "append" && len(c.Args) > 0 {
				if src := aliases.source(c.Args[0]); src != nil && aliases.find(src) == root {
					appended = true
				}
			}
			return !appended
		})
	}
	return appended
}

// disjointRows: se is a row of a grid cut from one buffer, g[i] = buf[i*w :
// (i+1)*w] in a loop over i, where buf is a local that nothing else reads and the
// rows are never appended to, nor asked their capacity: the rows share no element,
// so each row's copy holds what Go's row of the buffer would.
func (m *module) disjointRows(se *ast.SliceExpr, aliases *sliceAliases) bool {
	p := m.p
	buf, ok := ast.Unparen(se.X).(*ast.Ident)
	if !ok || m.capacities || se.Low == nil || se.High == nil || se.Max != nil {
		return false
	}
	v, ok := p.info.Uses[buf].(*types.Var)
	if !ok || p.packageLevel(v) || m.a.assigns[v] > 0 {
		return false
	}
	for id, obj := range p.info.Uses {
		if obj == v && id != buf {
			return false // buf read elsewhere, or sub-sliced again
		}
	}
	path := p.pathOf(se)
	if len(path) < 2 {
		return false
	}
	as, ok := path[len(path)-2].(*ast.AssignStmt)
	if !ok || len(as.Lhs) != 1 || len(as.Rhs) != 1 || ast.Unparen(as.Rhs[0]) != se {
		return false
	}
	row, ok := ast.Unparen(as.Lhs[0]).(*ast.IndexExpr)
	if !ok {
		return false
	}
	i, ok := ast.Unparen(row.Index).(*ast.Ident)
	if !ok || !m.loopCounter(path, p.info.Uses[i]) {
		return false
	}
	w, ok := rowWidth(p, se.Low, i)
	if !ok || !sameRowEnd(p, se.High, i, w) {
		return false
	}
	if id, ok := w.(*ast.Ident); ok {
		if wv, ok := p.info.Uses[id].(*types.Var); ok && m.a.assigns[wv] > 0 {
			return false
		}
	} else if p.info.Types[w].Value == nil {
		return false
	}
	return !m.appendedInto(aliases.find(aliases.source(se.X)), aliases)
}

// loopCounter: v is the key of a range loop on path, or the variable of a for
// loop there whose only assignment is its post statement's i++.
func (m *module) loopCounter(path []ast.Node, v types.Object) bool {
	p := m.p
	for _, n := range path {
		switch n := n.(type) {
		case *ast.RangeStmt:
			if id, ok := n.Key.(*ast.Ident); ok && p.info.Defs[id] == v && n.Tok == token.DEFINE {
				return m.a.assigns[v] == 0
			}
		case *ast.ForStmt:
			init, ok := n.Init.(*ast.AssignStmt)
			post, isInc := n.Post.(*ast.IncDecStmt)
			if ok && isInc && post.Tok == token.INC && len(init.Lhs) == 1 && p.info.Defs[identOf(init.Lhs[0])] == v {
				return m.a.assigns[v] == 0 && p.info.Uses[identOf(post.X)] == v // (a post statement's i++ is not counted)
			}
		}
	}
	return false
}

// rowWidth: w of low, i*w or w*i.
func rowWidth(p *program, low ast.Expr, i *ast.Ident) (ast.Expr, bool) {
	b, ok := ast.Unparen(low).(*ast.BinaryExpr)
	if !ok || b.Op != token.MUL {
		return nil, false
	}
	switch {
	case sameIdent(p, b.X, i):
		return ast.Unparen(b.Y), true
	case sameIdent(p, b.Y, i):
		return ast.Unparen(b.X), true
	}
	return nil, false
}

// sameRowEnd: high is (i+1)*w, w*(i+1), i*w+w or w+i*w.
func sameRowEnd(p *program, high ast.Expr, i *ast.Ident, w ast.Expr) bool {
	b, ok := ast.Unparen(high).(*ast.BinaryExpr)
	if !ok {
		return false
	}
	same := func(e ast.Expr) bool { return types.ExprString(ast.Unparen(e)) == types.ExprString(w) }
	next := func(e ast.Expr) bool { // i+1 or 1+i
		s, ok := ast.Unparen(e).(*ast.BinaryExpr)
		if !ok || s.Op != token.ADD {
			return false
		}
		one := func(x ast.Expr) bool { return types.ExprString(ast.Unparen(x)) == "1" }
		return sameIdent(p, s.X, i) && one(s.Y) || one(s.X) && sameIdent(p, s.Y, i)
	}
	switch b.Op {
	case token.MUL:
		return next(b.X) && same(b.Y) || same(b.X) && next(b.Y)
	case token.ADD:
		start := func(e ast.Expr) bool {
			lw, ok := rowWidth(p, e, i)
			return ok && types.ExprString(lw) == types.ExprString(w)
		}
		return start(b.X) && same(b.Y) || same(b.X) && start(b.Y)
	}
	return false
}

// sameIdent: e names the variable i names.
func sameIdent(p *program, e ast.Expr, i *ast.Ident) bool {
	id, ok := ast.Unparen(e).(*ast.Ident)
	return ok && p.info.Uses[id] != nil && p.info.Uses[id] == p.info.Uses[i]
}

// readByEveryCaller: se is what a function of the program returns, itself or as
// an element of a new slice it returns (out[i] = m.data[a:b]; return out), and
// every call of the function reads the result where it stands (printed, ranged
// over, measured): the function cannot block and writes nothing of se's group
// but before se, in a return that is the last statement of its body (a
// compaction's s[n] = x, then return s[:n]), and no interface may call it, so
// the copy is read before anything writes the array again (fmt.Println(m.Row(1))
// of a matrix's row view).
func (m *module) readByEveryCaller(se *ast.SliceExpr, readOnly map[ast.Expr]bool, tainted map[any][]ast.Node, aliases *sliceAliases) bool {
	p := m.p
	if !isSliceType(p.info.TypeOf(se.X)) {
		return false
	}
	writes := tainted[aliases.find(aliases.source(se.X))]
	var decl *ast.FuncDecl
	path := p.pathOf(se)
	for _, n := range path {
		switch n := n.(type) {
		case *ast.FuncDecl:
			decl = n
		case *ast.FuncLit, *ast.GoStmt, *ast.DeferStmt:
			return false
		}
	}
	if decl == nil || decl.Body == nil || len(path) < 2 {
		return false
	}
	fn, _ := p.info.Defs[decl.Name].(*types.Func)
	if u := m.a.byFunc[fn]; fn == nil || u == nil || u.gen {
		return false
	}
	last, _ := path[len(path)-2].(*ast.ReturnStmt)
	if body := decl.Body.List; last != nil && (len(body) == 0 || body[len(body)-1] != last) {
		last = nil // a return inside a loop or a branch: its function may write on
	}
	for _, w := range writes {
		if decl.Pos() <= w.Pos() && w.Pos() < decl.End() && (last == nil || w.Pos() >= last.Pos() || !straightBefore(decl.Body, w)) {
			return false
		}
	}
	switch parent := path[len(path)-2].(type) {
	case *ast.ReturnStmt:
	case *ast.AssignStmt:
		ix, ok := ast.Unparen(parent.Lhs[0]).(*ast.IndexExpr)
		if len(parent.Lhs) != 1 || !ok || parent.Rhs[0] != se || !m.returnedOnly(decl, ix.X) {
			return false
		}
	default:
		return false
	}
	for _, t := range p.info.Types {
		if it, ok := t.Type.Underlying().(*types.Interface); ok {
			for i := 0; i < it.NumMethods(); i++ {
				if it.Method(i).Name() == fn.Name() {
					return false // it may be called through the interface
				}
			}
		}
	}
	var later []ast.Node // go and defer statements, whose arguments are read later
	calls := map[*ast.Ident]bool{}
	for _, f := range p.files {
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.GoStmt, *ast.DeferStmt:
				later = append(later, n)
			case *ast.CallExpr:
				id := calleeIdent(n.Fun)
				if r := m.ranged[n]; id != nil && readOnly[n] && (r == nil || !m.writtenWhileRanging(r, writes)) {
					calls[id] = true
				}
			}
			return true
		})
	}
	for id, obj := range p.info.Uses {
		if f, ok := obj.(*types.Func); !ok || f.Origin() != fn {
			continue
		}
		if !calls[id] {
			return false // a call whose result is kept, or the function as a value
		}
		for _, l := range later {
			if l.Pos() <= id.Pos() && id.Pos() < l.End() {
				return false
			}
		}
	}
	return true
}

// straightBefore: body, whose last statement returns, writes w where nothing of
// body runs after that return: not in a function literal (which could run
// later), and body defers nothing.
func straightBefore(body *ast.BlockStmt, w ast.Node) bool {
	ok := true
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.DeferStmt:
			ok = false
		case *ast.FuncLit:
			if n.Pos() <= w.Pos() && w.Pos() < n.End() {
				ok = false
			}
		}
		return ok
	})
	return ok
}

// returnedOnly: x is a local variable of decl made new (make, a literal) that
// decl only writes elements of, ranges over, measures and returns.
func (m *module) returnedOnly(decl *ast.FuncDecl, x ast.Expr) bool {
	p := m.p
	id, ok := ast.Unparen(x).(*ast.Ident)
	v, _ := p.info.Uses[id].(*types.Var)
	if !ok || v == nil || v.Pos() < decl.Body.Pos() || v.Pos() >= decl.Body.End() {
		return false
	}
	ok = true
	var stack []ast.Node
	ast.Inspect(decl.Body, func(n ast.Node) bool {
		if n == nil {
			stack = stack[:len(stack)-1]
			return true
		}
		stack = append(stack, n)
		use, isID := n.(*ast.Ident)
		if !isID || (p.info.Uses[use] != v && p.info.Defs[use] != v) {
			return ok
		}
		switch parent := stack[len(stack)-2].(type) {
		case *ast.AssignStmt:
			c, isCall := ast.Unparen(parent.Rhs[0]).(*ast.CallExpr)
			_, isLit := ast.Unparen(parent.Rhs[0]).(*ast.CompositeLit)
			ok = ok && len(parent.Lhs) == 1 && parent.Lhs[0] == use && (isLit || isCall && calleeName(p, c) == "make")
		case *ast.IndexExpr:
			_, assigned := stack[len(stack)-3].(*ast.AssignStmt)
			ok = ok && parent.X == use && assigned
		case *ast.RangeStmt:
			ok = ok && parent.X == use
		case *ast.ReturnStmt:
		case *ast.CallExpr:
			ok = ok && calleeName(p, parent) == "len"
		default:
			ok = false
		}
		return ok
	})
	return ok
}

// indexOnly: a range that reads no element (for i := range lines[:n]), only the
// length, once, as Go's range does: writes to the elements cannot reach it.
func indexOnly(r *ast.RangeStmt) bool {
	return r.Value == nil || isBlank(r.Value)
}

// writtenWhileRanging: one of writes may run while the range statement r runs:
// it is in r's body, in a function r's body calls (a closure's too), or, when
// the body may block or calls through a func value or an interface, anywhere
// else. Go's range reads a sub-slice's elements from the shared array as it goes
// (for _, x := range s[1:] { s[3] = 9 }), while the copy was taken before.
func (m *module) writtenWhileRanging(r *ast.RangeStmt, writes []ast.Node) bool {
	p, a := m.p, m.a
	if len(writes) == 0 {
		return false
	}
	unitAt := func(n ast.Node) *unit {
		switch x, _ := enclosingFunc(p.pathOf(n)); x := x.(type) {
		case *ast.FuncDecl:
			if fn, ok := p.info.Defs[x.Name].(*types.Func); ok {
				return a.byFunc[fn]
			}
		case *ast.FuncLit:
			return a.byLit[x]
		}
		return nil
	}
	reached := map[*unit]bool{}
	var reach func(u *unit)
	reach = func(u *unit) {
		if u != nil && !reached[u] {
			reached[u] = true
			for _, c := range u.calls {
				reach(c)
			}
		}
	}
	unknown := false
	ast.Inspect(r.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			reach(a.byLit[n])
		case *ast.SendStmt, *ast.SelectStmt:
			unknown = true
		case *ast.UnaryExpr:
			unknown = unknown || n.Op == token.ARROW
		case *ast.CallExpr:
			id := calleeIdent(n.Fun)
			if _, lit := ast.Unparen(n.Fun).(*ast.FuncLit); id == nil && !lit && !p.info.Types[n.Fun].IsType() {
				unknown = true // f()(x): a func value computed there
			}
			switch obj := p.info.Uses[id].(type) {
			case *types.Func:
				if u := a.byFunc[obj.Origin()]; u != nil {
					reach(u)
				} else if sig, _ := obj.Type().(*types.Signature); sig != nil && sig.Recv() != nil && types.IsInterface(sig.Recv().Type()) {
					unknown = true // a method of an interface
				}
			case *types.Var:
				unknown = true // a func value
			}
		}
		return true
	})
	if encl := unitAt(r); encl != nil && encl.gen {
		for u := range reached {
			unknown = unknown || u.gen || len(u.dyn) > 0
		}
		unknown = unknown || m.mayBlockIn(r.Body)
	} else {
		for u := range reached {
			unknown = unknown || len(u.dyn) > 0
		}
	}
	for _, w := range writes {
		if unknown || reached[unitAt(w)] || r.Body.Pos() <= w.Pos() && w.Pos() < r.Body.End() && !m.atRangedIndex(r, w) {
			return true
		}
	}
	return false
}

// atRangedIndex: w, a write in the body of r, a range over s[:n] (from 0), writes
// s[i] of r's own index i, which the body never assigns (for i, c := range p[:n] {
// p[i] = rot13(c) }): the element the range has read, and none it has yet to read.
func (m *module) atRangedIndex(r *ast.RangeStmt, w ast.Node) bool {
	p := m.p
	se, ok := ast.Unparen(r.X).(*ast.SliceExpr)
	if !ok || r.Key == nil || se.Low != nil && !isZero(p, se.Low) {
		return false
	}
	key, ok := ast.Unparen(r.Key).(*ast.Ident)
	if !ok {
		return false
	}
	obj := p.info.ObjectOf(key)
	path := p.pathOf(w)
	if len(path) < 2 || obj == nil {
		return false
	}
	ix, ok := path[len(path)-2].(*ast.IndexExpr)
	if !ok || ix.X != w || !sameVar(p, ix.X, se.X) {
		return false
	}
	if id, ok := ast.Unparen(ix.Index).(*ast.Ident); !ok || p.info.Uses[id] != obj {
		return false
	}
	return m.a.assigns[obj] == 0 && !m.p.addressTaken(obj)
}

// mayBlockIn: body calls a library function that may block (every one but
// fmt's, strings', strconv's, math's, sort's, slices' and the builtins).
func (m *module) mayBlockIn(body *ast.BlockStmt) bool {
	p := m.p
	blocks := false
	ast.Inspect(body, func(n ast.Node) bool {
		if c, ok := n.(*ast.CallExpr); ok && !p.info.Types[c.Fun].IsType() {
			name := calleeName(p, c)
			if i := strings.IndexByte(name, '.'); i > 0 && !slices.Contains([]string{"fmt", "strings", "strconv", "math", "sort", "slices", "maps", "unicode", "errors"}, name[:i]) {
				if fn, ok := p.info.Uses[identOf(c.Fun)].(*types.Func); !ok || !p.ours(fn.Pkg()) {
					blocks = true
				}
			}
		}
		return !blocks
	})
	return blocks
}

// writtenBeforeLetOut: the element write at x goes through v, a local variable a
// statement list (a function's body, a block, a case) made new (fresh: make, a
// literal, bytes.Clone, []byte(s)) and never assigns again, in a statement of
// that list that comes, with every one between, before any that lets v's array
// out (onlyIndexes): no one else holds the array yet, so the write shows to no
// slice but v (data := bytes.Clone(c.Data); data[0] ^= 0xFF; return
// Chunk{data}, beside Chunk{image[8:]} elsewhere).
func (m *module) writtenBeforeLetOut(v *types.Var, x ast.Expr) bool {
	p := m.p
	if m.a.assigns[v] > 0 || v.IsField() || p.packageLevel(v) {
		return false
	}
	// the statement list that declares v: a function's body, a block, a case's
	path := p.pathOf(x)
	var list []ast.Stmt
	def := -1
	for k := len(path) - 1; k >= 0 && def < 0; k-- {
		switch path[k].(type) {
		case *ast.BlockStmt, *ast.CaseClause, *ast.CommClause:
			list = stmtList(path[k])
		case *ast.FuncDecl, *ast.FuncLit:
			return false // not declared in x's function
		default:
			continue
		}
		for i, st := range list {
			if st.Pos() <= v.Pos() && v.Pos() < st.End() {
				def = i
			}
		}
	}
	if def < 0 {
		return false
	}
	var rhs ast.Expr
	switch st := list[def].(type) {
	case *ast.AssignStmt:
		if len(st.Lhs) == 1 && len(st.Rhs) == 1 {
			rhs = st.Rhs[0]
		}
	case *ast.DeclStmt:
		if vs, ok := st.Decl.(*ast.GenDecl).Specs[0].(*ast.ValueSpec); ok && len(vs.Names) == 1 && len(vs.Values) == 1 {
			rhs = vs.Values[0]
		}
	}
	if rhs == nil || !fresh(p, rhs) {
		return false
	}
	at := -1
	for i, st := range list {
		if st.Pos() <= x.Pos() && x.Pos() < st.End() {
			at = i
		}
	}
	if at <= def {
		return false
	}
	vars := map[*types.Var]bool{v: true}
	ok := true
	for _, st := range list[def+1 : at+1] {
		ast.Inspect(st, func(n ast.Node) bool {
			if ok && n != nil {
				ok = p.onlyIndexes(n, vars)
			}
			return ok
		})
	}
	return ok
}

// sliceSearches: the functions of package slices that only read their slices, in
// the one step they take, and return none of them.
var sliceSearches = []string{"BinarySearch", "Compare", "Contains", "ContainsFunc", "Equal", "Index", "IndexFunc",
	"IsSorted", "Max", "Min"}

// libraryReads: the arguments a call of the standard library only reads, in the
// one step it takes, and keeps nothing of (no sub-slice of them returned): a
// conversion to a string or a number, bytes' and slices' searches and
// comparisons, unicode/utf8's decoding, hex and base64 encoding to a string,
// encoding/binary's decoding of a number.
func libraryReads(p *program, c *ast.CallExpr) []int {
	if tv := p.info.Types[c.Fun]; tv.IsType() {
		if isSliceType(tv.Type) {
			return nil
		}
		return []int{0}
	}
	name := calleeName(p, c)
	pkg, fn, _ := strings.Cut(name, ".")
	reads := false
	switch pkg {
	case "bytes":
		reads = slices.Contains([]string{"Compare", "Contains", "ContainsAny", "ContainsFunc", "ContainsRune", "Count",
			"Equal", "EqualFold", "HasPrefix", "HasSuffix", "Index", "IndexAny", "IndexByte", "IndexFunc", "IndexRune",
			"LastIndex", "LastIndexAny", "LastIndexByte", "LastIndexFunc"}, fn)
	case "slices":
		reads = slices.Contains(sliceSearches, fn)
	case "unicode/utf8":
		reads = slices.Contains([]string{"DecodeLastRune", "DecodeRune", "FullRune", "RuneCount", "Valid"}, fn)
	case "encoding/hex", "encoding/base64":
		reads = fn == "EncodeToString"
	case "encoding/binary":
		reads = slices.Contains([]string{"Uint16", "Uint32", "Uint64", "Uvarint", "Varint"}, fn) // BigEndian.Uint16(b[2:])
	}
	if !reads {
		return nil
	}
	var at []int
	for i := range c.Args {
		at = append(at, i)
	}
	return at
}

// calleeIdent: the name a call's function is written by: f, x.M, pkg.F, and F of
// F[int](...); nil for a function value computed there.
func calleeIdent(fun ast.Expr) *ast.Ident {
	switch f := ast.Unparen(fun).(type) {
	case *ast.Ident:
		return f
	case *ast.SelectorExpr:
		return f.Sel
	case *ast.IndexExpr: // Sum[int](xs[:n])
		return identOf(ast.Unparen(f.X))
	case *ast.IndexListExpr:
		return identOf(ast.Unparen(f.X))
	}
	return nil
}

// sentBefore: a slice of the backing array group root is sent on a channel, in the
// function around at, before at or in a loop around both (a later run of the loop
// re-slices what the receiver may still hold).
func (p *program) sentBefore(a *sliceAliases, root any, at token.Pos) bool {
	fd := funcDeclAt(p, at)
	if fd == nil || fd.Body == nil {
		return false
	}
	var loops []ast.Node // the loops around at
	ast.Inspect(fd.Body, func(n ast.Node) bool {
		switch n.(type) {
		case *ast.ForStmt, *ast.RangeStmt:
			if n.Pos() <= at && at < n.End() {
				loops = append(loops, n)
			}
		}
		return true
	})
	found := false
	ast.Inspect(fd.Body, func(n ast.Node) bool {
		send, ok := n.(*ast.SendStmt)
		if !ok || found {
			return !found
		}
		if src := a.source(send.Value); src == nil || a.find(src) != root || p.onlyFresh(src) {
			return true
		}
		found = send.Pos() < at
		for _, l := range loops {
			found = found || l.Pos() <= send.Pos() && send.Pos() < l.End()
		}
		return !found
	})
	return found
}

// fieldOfTypeParam: a field of the struct type st has a type made of a type
// parameter (T, []T, map[string]T...).
func fieldOfTypeParam(st *types.Struct) bool {
	for i := 0; i < st.NumFields(); i++ {
		if hasTypeParam(st.Field(i).Type()) {
			return true
		}
	}
	return false
}
