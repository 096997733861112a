package main

import (
	"fmt"
	"go/ast"
	"go/constant"
	"regexp"
	"regexp/syntax"
	"strings"
	"unicode"
)

// regexp: golib's go.regexp (simlab/translate/golib/_regexp.py) matches with
// Python's re, which the front end hands a pattern written from Go's own parse
// of the program's constant expression (regexp/syntax, Perl flags): each
// construct in the form whose meaning is Go's (a case-folded letter as the class
// of its folds, $ as \Z, \b with ASCII word characters), so both match alike,
// leftmost-first. Go's parser gives the errors and the groups' names.

// regexpCall renders a call of one of regexp's functions (name: regexp.Compile),
// or returns false.
func (f *fn) regexpCall(c *ast.CallExpr, name string) (string, bool) {
	switch strings.TrimPrefix(name, "regexp.") {
	case "MustCompile", "Compile":
		if q, ok := ast.Unparen(c.Args[0]).(*ast.CallExpr); ok && calleeName(f.p, q) == "regexp.QuoteMeta" {
			lit := "go.regexp.literal(" + f.value(q.Args[0]) + ")" // a pattern matching the text itself
			if name == "regexp.Compile" {
				return lit + ", None", true
			}
			return lit, true
		}
		if f.p.info.Types[c.Args[0]].Value == nil { // known only at run time: read then
			return "go.regexp." + snake(strings.TrimPrefix(name, "regexp.")) + "_at_run_time(" + f.value(c.Args[0]) + ")", true
		}
		fn := "must_compile"
		if name == "regexp.Compile" {
			fn = "compile"
		}
		return "go.regexp." + fn + "(" + f.compiled(c.Args[0]) + ")", true
	case "MatchString", "Match": // (matched, err)
		if f.p.info.Types[c.Args[0]].Value == nil { // known only at run time: read then
			return "go.regexp." + snake(strings.TrimPrefix(name, "regexp.")) + "_at_run_time(" + f.value(c.Args[1]) + ", " + f.value(c.Args[0]) + ")", true
		}
		return "go.regexp." + snake(strings.TrimPrefix(name, "regexp.")) + "(" + f.value(c.Args[1]) + ", " + f.compiled(c.Args[0]) + ")", true
	case "QuoteMeta":
		return "go.regexp.quote_meta(" + f.value(c.Args[0]) + ")", true
	}
	return "", false
}

// compiled renders the arguments golib compiles a Go expression from: the
// expression, the Python pattern and the groups' names, or Go's error for it.
func (f *fn) compiled(e ast.Expr) string {
	v := f.p.info.Types[e].Value
	if v == nil || v.Kind() != constant.String {
		f.p.unsupported(e, "a regular expression known only at run time here", "a constant expression")
	}
	expr := constant.StringVal(v)
	re, err := regexp.Compile(expr)
	if err != nil {
		return pyString(expr) + ", err=" + pyString(err.Error())
	}
	parsed, _ := syntax.Parse(expr, syntax.Perl)
	var b strings.Builder
	writeRegexp(&b, parsed)
	names := make([]string, len(re.SubexpNames()))
	for i, n := range re.SubexpNames() {
		names[i] = pyString(n)
	}
	return pyString(expr) + ", r\"" + b.String() + "\", [" + strings.Join(names, ", ") + "]"
}

// regexpMethod renders a call of a *regexp.Regexp's method (key:
// regexp.Regexp.FindString), or returns false.
func (f *fn) regexpMethod(c *ast.CallExpr, key, recv string) (string, bool) {
	method := strings.TrimPrefix(key, "regexp.Regexp.")
	switch method {
	case "ReplaceAllStringFunc", "ReplaceAllFunc":
		repl := f.calledAtOnce(c, c.Args[1], "a "+method+" whose function blocks", "a function that only builds the replacement")
		return recv + "." + method + "(" + f.value(c.Args[0]) + ", " + repl + ")", true
	case "String", "NumSubexp", "SubexpNames", "SubexpIndex",
		"MatchString", "FindString", "FindStringIndex", "FindStringSubmatch", "FindStringSubmatchIndex",
		"FindAllString", "FindAllStringIndex", "FindAllStringSubmatch", "FindAllStringSubmatchIndex",
		"ReplaceAllString", "ReplaceAllLiteralString", "Split", "ExpandString", "Expand",
		"Match", "Find", "FindIndex", "FindSubmatch", "FindSubmatchIndex", "FindAll", "FindAllIndex",
		"FindAllSubmatch", "FindAllSubmatchIndex", "ReplaceAll", "ReplaceAllLiteral":
		return recv + "." + method + "(" + f.args(c) + ")", true
	}
	return "", false
}

// writeRegexp writes re as a pattern of Python's re (compiled with re.ASCII,
// which only \b and \B read) that matches what Go's does.
func writeRegexp(b *strings.Builder, re *syntax.Regexp) {
	sub := func(i int) { writeRegexp(b, re.Sub[i]) }
	lazy := ""
	if re.Flags&syntax.NonGreedy != 0 {
		lazy = "?"
	}
	switch re.Op {
	case syntax.OpNoMatch:
		b.WriteString("(?!)")
	case syntax.OpEmptyMatch:
		b.WriteString("(?:)")
	case syntax.OpLiteral:
		for _, r := range re.Rune {
			if re.Flags&syntax.FoldCase != 0 && unicode.SimpleFold(r) != r {
				b.WriteString("[")
				for f := r; ; {
					b.WriteString(regexpRune(f))
					if f = unicode.SimpleFold(f); f == r {
						break
					}
				}
				b.WriteString("]")
				continue
			}
			b.WriteString(regexpRune(r))
		}
	case syntax.OpCharClass:
		if len(re.Rune) == 0 {
			b.WriteString("(?!)")
			return
		}
		b.WriteString("[")
		for i := 0; i < len(re.Rune); i += 2 {
			b.WriteString(regexpRune(re.Rune[i]))
			if re.Rune[i+1] != re.Rune[i] {
				b.WriteString("-" + regexpRune(re.Rune[i+1]))
			}
		}
		b.WriteString("]")
	case syntax.OpAnyCharNotNL:
		b.WriteString(`[^\n]`)
	case syntax.OpAnyChar:
		b.WriteString(`(?s:.)`)
	case syntax.OpBeginLine:
		b.WriteString(`(?m:^)`)
	case syntax.OpEndLine:
		b.WriteString(`(?m:$)`)
	case syntax.OpBeginText:
		b.WriteString(`\A`)
	case syntax.OpEndText:
		b.WriteString(`\Z`) // Python's end of the text alone; its $ also matches before a final \n
	case syntax.OpWordBoundary:
		b.WriteString(`\b`)
	case syntax.OpNoWordBoundary:
		b.WriteString(`\B`)
	case syntax.OpCapture:
		b.WriteString("(")
		sub(0)
		b.WriteString(")")
	case syntax.OpStar, syntax.OpPlus, syntax.OpQuest:
		b.WriteString("(?:")
		sub(0)
		b.WriteString(")" + map[syntax.Op]string{syntax.OpStar: "*", syntax.OpPlus: "+", syntax.OpQuest: "?"}[re.Op] + lazy)
	case syntax.OpRepeat:
		b.WriteString("(?:")
		sub(0)
		switch {
		case re.Max == -1:
			fmt.Fprintf(b, "){%d,}", re.Min)
		case re.Max == re.Min:
			fmt.Fprintf(b, "){%d}", re.Min)
		default:
			fmt.Fprintf(b, "){%d,%d}", re.Min, re.Max)
		}
		b.WriteString(lazy)
	case syntax.OpConcat:
		for i := range re.Sub {
			sub(i)
		}
	case syntax.OpAlternate:
		b.WriteString("(?:")
		for i := range re.Sub {
			if i > 0 {
				b.WriteString("|")
			}
			sub(i)
		}
		b.WriteString(")")
	}
}

// regexpRune: r as Python's re reads it, in a class or out of one: a letter, a
// digit or _ as itself, other ASCII escaped by a backslash, the rest by its code
// (and " as \x22, so the pattern fits a raw string).
func regexpRune(r rune) string {
	switch {
	case r < 0x80 && (r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r)):
		return string(r)
	case r == '\n':
		return `\n`
	case r == '"' || r < 0x20 || r == 0x7f:
		return fmt.Sprintf(`\x%02x`, r)
	case r < 0x80:
		return `\` + string(r)
	case r <= 0xffff:
		return fmt.Sprintf(`\u%04x`, r)
	}
	return fmt.Sprintf(`\U%08x`, r)
}
