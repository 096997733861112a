// Command frontend reads one Go package (a .go file, or a directory holding
// one package), with the packages of its module it imports, and prints a simlab
// model of them: Python source on stdout.
//
// On a construct it cannot translate faithfully it prints one line,
// "FILE:LINE: unsupported: <construct> (<what to use instead>)", on stderr and
// exits with status 2; any other failure (a file that does not parse or type
// check) is also one line and status 2.
//
// "frontend -batch PATH..." translates several packages in one process (the
// standard library is type-checked once) and prints a JSON array on stdout,
// one {"path", "source"} or {"path", "error"} object per PATH, in order.
package main

import (
	"encoding/json"
	"fmt"
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"go/version"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
)

// stop is what a translation panics with to give up: one line for the user.
type stop struct{ line string }

func main() {
	if len(os.Args) >= 2 && os.Args[1] == "-batch" {
		batch(os.Args[2:])
		return
	}
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: frontend FILE.go|DIR | frontend -batch PATH...")
		os.Exit(2)
	}
	defer func() {
		if r := recover(); r != nil {
			if s, ok := r.(stop); ok {
				fmt.Fprintln(os.Stderr, s.line)
				os.Exit(2)
			}
			panic(r)
		}
	}()
	fset := token.NewFileSet()
	prog := load(os.Args[1], fset, newImporter(fset, importer.ForCompiler(fset, "source", nil)))
	out := translate(prog)
	os.Stdout.WriteString(out)
}

// result is one package's translation in batch mode.
type result struct {
	Path   string `json:"path"`
	Source string `json:"source,omitempty"`
	Error  string `json:"error,omitempty"`
}

// batch translates every path with one importer, so the standard library is
// parsed and type-checked once, and prints the results as JSON.
func batch(paths []string) {
	fset := token.NewFileSet()
	imp := newImporter(fset, importer.ForCompiler(fset, "source", nil))
	results := make([]result, 0, len(paths))
	for _, path := range paths {
		results = append(results, translateOne(path, fset, imp))
	}
	enc := json.NewEncoder(os.Stdout)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(results); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
}

func translateOne(path string, fset *token.FileSet, imp types.Importer) (r result) {
	r.Path = path
	defer func() {
		if x := recover(); x != nil {
			if s, ok := x.(stop); ok {
				r.Error = s.line
				return
			}
			r.Error = fmt.Sprintf("%s: internal error of the translator: %v", path, x)
		}
	}()
	r.Source = translate(load(path, fset, imp))
	return r
}

// program is the parsed and type-checked package, with the packages of its
// module that it imports (their files first, each after those it imports).
type program struct {
	fset  *token.FileSet
	files []*ast.File
	names []string // base names of the files, in order
	pkg   *types.Package
	own   map[*types.Package]bool // pkg and the module's packages it imports
	pkgOf map[*ast.File]*types.Package
	info  *types.Info
	nils  map[*ast.Ident]types.Type // the type each nil takes from its context

	initOrder map[*types.Package][]*types.Initializer // each package's, as go/types orders it
	libArgs   *bool                                   // see libraryTypeArgs

	ifaceValues      map[ast.Expr]bool             // struct values converted to an interface where they stand
	ifaceNils        map[ast.Expr]bool             // pointers that may be nil converted to an interface
	ifaceSync        map[ast.Expr]string           // mutexes, WaitGroups and atomics converted to an interface of the program: go.Locker, go.SyncValue
	ifaceContexts    map[ast.Expr]bool             // values of the program's own types converted to context.Context
	ifaceFuncs       map[ast.Expr]bool             // func values converted to an interface, in a program that asserts one back
	jsonTargets      map[ast.Expr]bool             // &v of no struct handed to a function that decodes JSON into it (go.json.held)
	ifaceSlices      map[ast.Expr]bool             // slice variables converted to an interface at their last use (go.typed)
	arrayKeys        map[ast.Expr]bool             // keys of maps keyed by an array: go.array_key
	paramKeys        map[ast.Expr]bool             // keys of maps keyed by a type parameter: go.param_key
	floatKeys        map[ast.Expr]bool             // keys of maps keyed by a float, which may be NaN: go.float_key
	structKeys       map[ast.Expr]bool             // struct variables a map's entry is written at: go.copy, Go's map keeps a copy
	elemValues       map[ast.Expr]bool             // values stored in a slice, array or map of a named type with String (Cents(x))
	printed          map[ast.Expr]bool             // the operands of fmt, log, log/slog and testing calls
	printWrapperArgs map[ast.Expr]bool             // the operands of a call to a function that only hands them to fmt or log
	nilSafe          map[*types.Func]bool          // methods with a pointer receiver that compare it with nil
	jsonTypeArgs     bool                          // JSON of a type parameter's value, or of a generic struct: type arguments carry their descriptor
	held             map[types.Object]*ast.FuncLit // heldClosures, found once

	goVersion string // the module's language version (go1.21) for a package; "" for the toolchain's

	ownLocker *bool          // see localLocker
	assigned  *assignedTable // see assignedValues
}

// localLocker: the program has a type of its own with Lock and Unlock methods (a
// spinlock) and uses sync.Locker, which then may hold either that type or a
// mutex: its calls are those of an interface of the program (isLocalInterface),
// a mutex in it a go.Locker.
func (p *program) localLocker() bool {
	if p.ownLocker != nil {
		return *p.ownLocker
	}
	uses, own := false, false
	for _, obj := range p.info.Uses {
		if tn, ok := obj.(*types.TypeName); ok && tn.Pkg() != nil && tn.Pkg().Path() == "sync" && tn.Name() == "Locker" {
			uses = true
		}
	}
	for _, obj := range p.info.Defs {
		tn, ok := obj.(*types.TypeName)
		if !ok || !p.ours(tn.Pkg()) || types.IsInterface(tn.Type()) {
			continue
		}
		own = own || ownLockMethods(p, tn.Type())
	}
	result := uses && own
	p.ownLocker = &result
	return result
}

// declaresMethod: a type of the program has a method called name.
func (p *program) declaresMethod(name string) bool {
	for _, f := range p.files {
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && fd.Recv != nil && fd.Name.Name == name {
				return true
			}
		}
	}
	return false
}

// ownLockMethods: t, a type of the program, has Lock and Unlock methods of its own,
// not a mutex's it embeds.
func ownLockMethods(p *program, t types.Type) bool {
	n := namedOf(t)
	if n == nil || !p.ours(n.Obj().Pkg()) {
		return false
	}
	ms := types.NewMethodSet(types.NewPointer(t))
	lock, unlock := ms.Lookup(n.Obj().Pkg(), "Lock"), ms.Lookup(n.Obj().Pkg(), "Unlock")
	return lock != nil && unlock != nil && len(lock.Index()) == 1 && len(unlock.Index()) == 1
}

// sharedLoopVars: the program's language version is before Go 1.22, where a for
// loop's variables are one for the whole loop, which every closure shares, not
// one per iteration.
func (p *program) sharedLoopVars() bool {
	return p.goVersion != "" && version.Compare(p.goVersion, "go1.22") < 0
}

// ours: a package whose source is translated with the program.
func (p *program) ours(pkg *types.Package) bool { return pkg != nil && p.own[pkg] }

// packageLevel: a name declared at the top level of one of the program's packages.
func (p *program) packageLevel(obj types.Object) bool {
	return obj != nil && p.ours(obj.Pkg()) && obj.Parent() == obj.Pkg().Scope()
}

// packages: the program's packages, the translated one first, then the others
// in the order their files come.
func (p *program) packages() []*types.Package {
	list := []*types.Package{p.pkg}
	for _, f := range p.files {
		if pkg := p.pkgOf[f]; !slices.Contains(list, pkg) {
			list = append(list, pkg)
		}
	}
	return list
}

// imports: the packages the program's packages import, but those of the module.
func (p *program) imports() []*types.Package {
	var list []*types.Package
	for _, pkg := range p.packages() {
		for _, imp := range pkg.Imports() {
			if !p.ours(imp) && !slices.Contains(list, imp) {
				list = append(list, imp)
			}
		}
	}
	return list
}

// goPkg: how Go's stack traces qualify a function of pkg: the translated package
// by its name, as before, and an imported package of the module by its path.
func (p *program) goPkg(pkg *types.Package) string {
	if pkg == p.pkg {
		return pkg.Name()
	}
	return pkg.Path()
}

func fail(format string, args ...any) {
	panic(stop{fmt.Sprintf(format, args...)})
}

// packageFiles: the files of the package a _test.go file belongs to (same
// directory, same package clause, not tests themselves).
func packageFiles(test string) []string {
	fset := token.NewFileSet()
	clause := func(path string) string {
		f, err := parser.ParseFile(fset, path, nil, parser.PackageClauseOnly)
		if err != nil {
			return ""
		}
		return f.Name.Name
	}
	pkg := clause(test)
	dir := filepath.Dir(test)
	entries, _ := os.ReadDir(dir)
	var paths []string
	for _, e := range entries {
		n := e.Name()
		if strings.HasSuffix(n, ".go") && !strings.HasSuffix(n, "_test.go") && !e.IsDir() && clause(filepath.Join(dir, n)) == pkg {
			paths = append(paths, filepath.Join(dir, n))
		}
	}
	return paths
}

func load(path string, fset *token.FileSet, imp types.Importer) *program {
	st, err := os.Stat(path)
	if err != nil {
		fail("%s: no such file or directory", path)
	}
	p := &program{fset: fset, own: map[*types.Package]bool{}, pkgOf: map[*ast.File]*types.Package{},
		initOrder: map[*types.Package][]*types.Initializer{}}
	p.info = &types.Info{
		Types:      map[ast.Expr]types.TypeAndValue{},
		Defs:       map[*ast.Ident]types.Object{},
		Uses:       map[*ast.Ident]types.Object{},
		Selections: map[*ast.SelectorExpr]*types.Selection{},
		Implicits:  map[ast.Node]types.Object{},
		Instances:  map[*ast.Ident]types.Instance{},
	}
	dir := path
	if !st.IsDir() {
		dir = filepath.Dir(path)
	}
	mod := &moduleImporter{p: p, std: imp, loading: map[string]bool{}, done: map[string]*types.Package{}}
	var goVersion string
	mod.root, mod.path, goVersion = findModule(dir)
	var paths []string
	if st.IsDir() {
		// a package is compiled with its module's language version; files named on
		// the command line (go run main.go) with the toolchain's
		p.goVersion = goVersion
		paths = mod.dirFiles(path)
	} else {
		paths = []string{path}
		if strings.HasSuffix(path, "_test.go") {
			paths = append(paths, packageFiles(path)...) // a test, with the package it tests
		}
	}
	files, names := p.parse(paths)
	p.pkg = p.check(files[0].Name.Name, files, mod)
	p.files, p.names = append(mod.files, files...), append(mod.names, names...)
	p.dropBenchmarks()
	p.dropBlankFuncs()
	p.typeNils()
	p.findInterfaceValues()
	p.findElementValues()
	p.findNilSafeMethods()
	p.jsonTypeArgs = p.decodesJSONIntoTypeParam() || p.jsonOfGenericStruct()
	return p
}

// dropBenchmarks leaves out of the translation the functions of the _test.go files
// that take a *testing.B (BenchmarkXxx and their helpers) and that nothing else
// calls: go test -v runs no benchmark without -bench, so they never run.
func (p *program) dropBenchmarks() {
	takesB := func(fd *ast.FuncDecl) bool {
		for _, field := range fd.Type.Params.List {
			if t, ok := p.info.TypeOf(field.Type).(*types.Pointer); ok && isNamed(t, "testing", "B") {
				return true
			}
		}
		return false
	}
	dropped := map[*ast.FuncDecl]bool{}
	for changed := true; changed; {
		changed = false
		used := map[types.Object]bool{}
		for _, f := range p.files {
			for _, d := range f.Decls {
				if fd, ok := d.(*ast.FuncDecl); ok && dropped[fd] {
					continue
				}
				ast.Inspect(d, func(n ast.Node) bool {
					if id, ok := n.(*ast.Ident); ok {
						used[p.info.Uses[id]] = true
					}
					return true
				})
			}
		}
		for i, f := range p.files {
			if !strings.HasSuffix(p.names[i], "_test.go") {
				continue
			}
			for _, d := range f.Decls {
				fd, ok := d.(*ast.FuncDecl)
				if ok && fd.Recv == nil && !dropped[fd] && takesB(fd) && !used[p.info.Defs[fd.Name]] {
					dropped[fd], changed = true, true
				}
			}
		}
	}
	for _, f := range p.files {
		f.Decls = slices.DeleteFunc(f.Decls, func(d ast.Decl) bool {
			fd, ok := d.(*ast.FuncDecl)
			return ok && dropped[fd]
		})
	}
}

// dropBlankFuncs leaves out the functions named _ (not methods): nothing can call
// one, and its body only makes the compiler check something (the stringer tool's
// func _() { var x [1]struct{}; _ = x[Idle-0] }).
func (p *program) dropBlankFuncs() {
	for _, f := range p.files {
		f.Decls = slices.DeleteFunc(f.Decls, func(d ast.Decl) bool {
			fd, ok := d.(*ast.FuncDecl)
			return ok && fd.Recv == nil && fd.Name.Name == "_"
		})
	}
}

// dirFiles: the files translated for a package directory, as go test takes them
// when it has tests (but for package main, whose main runs): the package with its
// own tests; or, if it has an external test package (package x_test), that
// package, which imports the one it tests, made with its own tests.
func (m *moduleImporter) dirFiles(dir string) []string {
	entries, err := os.ReadDir(dir)
	if err != nil {
		fail("%s: %v", dir, err)
	}
	var pkg, internal, external []string
	fset := token.NewFileSet()
	for _, e := range entries {
		n := e.Name()
		if !strings.HasSuffix(n, ".go") || e.IsDir() {
			continue
		}
		full := filepath.Join(dir, n)
		switch f, _ := parser.ParseFile(fset, full, nil, parser.PackageClauseOnly); {
		case !strings.HasSuffix(n, "_test.go"):
			pkg = append(pkg, full)
		case f != nil && strings.HasSuffix(f.Name.Name, "_test"):
			external = append(external, full)
		default:
			internal = append(internal, full)
		}
	}
	if len(pkg) == 0 && len(internal) == 0 {
		fail("%s: no .go files", dir)
	}
	if len(pkg) > 0 {
		if f, _ := parser.ParseFile(fset, pkg[0], nil, parser.PackageClauseOnly); f != nil && f.Name.Name == "main" {
			return pkg // a command: its main runs
		}
	}
	if len(external) == 0 {
		return append(pkg, internal...)
	}
	abs, err := filepath.Abs(dir)
	rel, relErr := filepath.Rel(m.root, abs)
	if m.path == "" || err != nil || relErr != nil || strings.HasPrefix(rel, "..") {
		fail("%s: an external test package (package x_test) imports the package it tests by its path: a go.mod above it gives the path", dir)
	}
	under := m.path
	if rel != "." {
		under += "/" + filepath.ToSlash(rel)
	}
	m.withTests = map[string][]string{under: internal}
	if _, err := m.Import(under); err != nil {
		fail("%s: %v", dir, err)
	}
	return external
}

// parse reads the files of one package in the order the go command gives them to
// the compiler, which orders its variables' and init functions' initialization:
// the package's files, then its _test.go files, each sorted by name.
func (p *program) parse(paths []string) ([]*ast.File, []string) {
	sort.Slice(paths, func(i, j int) bool {
		ti, tj := strings.HasSuffix(paths[i], "_test.go"), strings.HasSuffix(paths[j], "_test.go")
		if ti != tj {
			return tj
		}
		return paths[i] < paths[j]
	})
	var files []*ast.File
	var names []string
	for _, f := range paths {
		file, err := parser.ParseFile(p.fset, f, nil, parser.ParseComments|parser.SkipObjectResolution)
		if err != nil {
			fail("%s", firstLine(err.Error()))
		}
		for _, imp := range file.Imports {
			if imp.Path.Value == `"C"` {
				p.unsupported(imp, "cgo", "pure Go")
			}
			if imp.Path.Value == `"reflect"` {
				refuseReflect(p, file, imp)
			}
		}
		files = append(files, file)
		names = append(names, filepath.Base(f))
	}
	return files, names
}

// refuseReflect: a use of package reflect but reflect.DeepEqual (go.deep_equal)
// and reflect.TypeOf with its Type (go.reflect_type), which golib has, is refused.
func refuseReflect(p *program, file *ast.File, imp *ast.ImportSpec) {
	name := "reflect"
	if imp.Name != nil {
		name = imp.Name.Name
	}
	used := false
	ast.Inspect(file, func(n ast.Node) bool {
		if sel, ok := n.(*ast.SelectorExpr); ok {
			if x, ok := sel.X.(*ast.Ident); ok && x.Name == name {
				switch sel.Sel.Name {
				case "DeepEqual", "TypeOf", "Type":
				default:
					p.unsupported(sel, "reflect."+sel.Sel.Name, "ordinary typed Go; of package reflect simlab has DeepEqual, and TypeOf's Type by its name")
				}
				used = true
			}
		}
		return true
	})
	if !used {
		p.unsupported(imp, "package reflect", "ordinary typed Go; of package reflect simlab has DeepEqual, and TypeOf's Type by its name")
	}
}

// check type-checks one package into the program's types.Info.
func (p *program) check(path string, files []*ast.File, imp types.Importer) *types.Package {
	var firstErr error
	conf := types.Config{
		GoVersion: p.goVersion,
		Importer:  imp,
		Error: func(err error) {
			if firstErr == nil {
				firstErr = err
			}
		},
	}
	pkg, _ := conf.Check(path, p.fset, files, p.info)
	if firstErr == nil && p.dropAliasesOfNamedTypes(files, pkg) {
		pkg, _ = conf.Check(path, p.fset, files, p.info)
	}
	if firstErr != nil {
		fail("%s", firstLine(firstErr.Error()))
	}
	p.own[pkg] = true
	p.initOrder[pkg] = slices.Clone(p.info.InitOrder) // the next package's check resets it
	for _, f := range files {
		p.pkgOf[f] = pkg
	}
	return pkg
}

// dropAliasesOfNamedTypes rewrites each use of an alias of a named type of the
// package (type Reading = Temp) as the type it names, which it is, and drops the
// alias, so that the translation sees one type: whether it reports a changed
// package, which is then checked again. An alias other packages may use (an
// exported one outside package main), or whose target a use's scope shadows, stays.
func (p *program) dropAliasesOfNamedTypes(files []*ast.File, pkg *types.Package) bool {
	changed := false
	embedded := map[*ast.Ident]bool{} // the types named by embedded fields
	for _, f := range files {
		ast.Inspect(f, func(n ast.Node) bool {
			if field, ok := n.(*ast.Field); ok && len(field.Names) == 0 {
				t := field.Type
				if star, ok := t.(*ast.StarExpr); ok {
					t = star.X
				}
				embedded[identOf(t)] = true
			}
			return true
		})
	}
	for _, f := range files {
		for _, d := range f.Decls {
			gd, ok := d.(*ast.GenDecl)
			if !ok || gd.Tok != token.TYPE {
				continue
			}
			kept := gd.Specs[:0:0]
			for _, spec := range gd.Specs {
				ts := spec.(*ast.TypeSpec)
				if p.dropAlias(ts, pkg, embedded) {
					changed = true
					continue
				}
				kept = append(kept, spec)
			}
			gd.Specs = kept
		}
		// a declaration left empty goes too: go/ast finds the end of one without
		// parentheses at its last spec (type T0 = Event, the file's last line)
		f.Decls = slices.DeleteFunc(f.Decls, func(d ast.Decl) bool {
			gd, ok := d.(*ast.GenDecl)
			return ok && gd.Tok == token.TYPE && len(gd.Specs) == 0
		})
	}
	return changed
}

func (p *program) dropAlias(ts *ast.TypeSpec, pkg *types.Package, embedded map[*ast.Ident]bool) bool {
	target, ok := ast.Unparen(ts.Type).(*ast.Ident)
	if !ts.Assign.IsValid() || ts.TypeParams != nil || !ok || pkg.Name() != "main" && ast.IsExported(ts.Name.Name) {
		return false
	}
	alias, ok := p.info.Defs[ts.Name].(*types.TypeName)
	to, named := p.info.Uses[target].(*types.TypeName)
	if !ok || !named || to.Pkg() != pkg || to.Parent() != pkg.Scope() {
		return false
	}
	if _, isNamed := to.Type().(*types.Named); !isNamed {
		return false
	}
	var uses []*ast.Ident
	for id, obj := range p.info.Uses {
		if obj != alias {
			continue
		}
		if embedded[id] {
			return false // struct{ Coord }: the field is named Coord, not Point; the alias stays
		}
		if scope := pkg.Scope().Innermost(id.Pos()); scope != nil {
			if _, found := scope.LookupParent(to.Name(), id.Pos()); found != to {
				return false // a local name hides the target where the alias is used
			}
		}
		uses = append(uses, id)
	}
	for _, id := range uses {
		id.Name = to.Name()
	}
	delete(p.info.Defs, ts.Name) // what the first check recorded of the spec dropped
	delete(p.info.Uses, target)
	delete(p.info.Types, ts.Type)
	return true
}

// moduleImporter type-checks the packages of the program's module from their
// source, into the program (their files are translated with it); any other
// import is the standard library's (or x/sync's declarations).
type moduleImporter struct {
	p          *program
	std        types.Importer
	root, path string // the module's directory and path, from its go.mod; "" outside one
	loading    map[string]bool
	done       map[string]*types.Package
	withTests  map[string][]string // a package's own test files, loaded with it
	files      []*ast.File         // of the packages done, each after those it imports
	names      []string
}

func (m *moduleImporter) Import(path string) (*types.Package, error) {
	rel, inModule := strings.CutPrefix(path, m.path)
	if m.path == "" || !inModule || (rel != "" && rel[0] != '/') {
		return m.std.Import(path)
	}
	if pkg := m.done[path]; pkg != nil {
		return pkg, nil
	}
	if m.loading[path] {
		fail("import cycle through %s", path)
	}
	m.loading[path] = true
	dir := filepath.Join(m.root, filepath.FromSlash(rel))
	entries, err := os.ReadDir(dir)
	if err != nil {
		fail("package %s: no directory %s in the module", path, dir)
	}
	var paths []string
	for _, e := range entries {
		n := e.Name()
		if strings.HasSuffix(n, ".go") && !strings.HasSuffix(n, "_test.go") && !e.IsDir() {
			paths = append(paths, filepath.Join(dir, n))
		}
	}
	if len(paths) == 0 {
		fail("package %s: no .go files in %s", path, dir)
	}
	paths = append(paths, m.withTests[path]...)
	files, names := m.p.parse(paths)
	pkg := m.p.check(path, files, m)
	m.done[path] = pkg
	m.files, m.names = append(m.files, files...), append(m.names, names...)
	return pkg, nil
}

// findModule: the directory, module path and Go version (go1.21; "" if it has no
// go line) of the go.mod at or above dir.
func findModule(dir string) (root, path, goVersion string) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", "", ""
	}
	for d := abs; ; d = filepath.Dir(d) {
		if data, err := os.ReadFile(filepath.Join(d, "go.mod")); err == nil {
			for _, line := range strings.Split(string(data), "\n") {
				line = strings.TrimSpace(line)
				if rest, ok := strings.CutPrefix(line, "module "); ok {
					root, path = d, strings.Trim(strings.TrimSpace(rest), `"`)
				}
				if rest, ok := strings.CutPrefix(line, "go "); ok && version.IsValid("go"+strings.TrimSpace(rest)) {
					goVersion = "go" + strings.TrimSpace(rest)
				}
			}
			if root == "" {
				return "", "", ""
			}
			return root, path, goVersion
		}
		if filepath.Dir(d) == d {
			return "", "", ""
		}
	}
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}

// where is FILE:LINE of a node, the file by its base name.
func (p *program) where(n ast.Node) string {
	pos := p.fset.Position(n.Pos())
	return fmt.Sprintf("%s:%d", filepath.Base(pos.Filename), pos.Line)
}

func (p *program) line(n ast.Node) int { return p.fset.Position(n.Pos()).Line }

func (p *program) file(n ast.Node) string { return filepath.Base(p.fset.Position(n.Pos()).Filename) }

// unsupported gives up on the translation at n.
func (p *program) unsupported(n ast.Node, construct, instead string) {
	fail("%s: unsupported: %s (%s)", p.where(n), construct, instead)
}

// testBinary: the program is a package's tests (a _test.go file), which go-run runs
// as go test runs its test binary.
func (p *program) testBinary() bool {
	for _, name := range p.names {
		if strings.HasSuffix(name, "_test.go") {
			return true
		}
	}
	return false
}
