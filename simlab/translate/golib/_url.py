"""``net/url`` for a translated program: ``url.Parse``, ``*url.URL``, ``url.Values``
and the escaping functions.

golib's facade re-exports this module as ``go.url``. A URL is parsed as Go's
parser splits it (RFC 3986 with Go's leniencies: a scheme is lowercased, a
``scheme:rest`` without a slash is opaque, a colon in a relative reference's first
segment is an error) into the fields of Go's ``URL``, Go's names, which the
program reads and writes; ``String`` puts them back together as Go's does,
escaping each part by its own rules (``EscapedPath`` keeps ``RawPath`` where it
still encodes ``Path``). A parse error is a ``*url.Error`` whose text Go's would
be. ``url.Values`` is the program's own ``map[string][]string``, a dict; its
methods are the functions ``values_get`` and kin, which take the map.

Go's strings are bytes and a run's are text: escaping works on a string's UTF-8
bytes, and an unescaped ``%ff`` that leaves bytes that are not UTF-8 ends the run
in one line. The text of an error for a bracketed host that is not an IP
address is ``invalid host: ParseAddr("..."): unable to parse IP`` whatever made
it invalid, where Go's ``netip`` names the flaw.
"""

from __future__ import annotations

import ipaddress
from typing import Any, ClassVar

import simlab as sl
from simlab.errors import SimlabError

from ._errors import UNWRAPS_ONE, error_text, new_error
from ._path import path_join
from ._strconv import quote
from ._strings import string_of
from ._values import NIL_MAP, copy, store

__all__ = [
    "URL",
    "Error",
    "EscapeError",
    "InvalidHostError",
    "JoinPath",
    "Parse",
    "ParseQuery",
    "ParseRequestURI",
    "PathEscape",
    "PathUnescape",
    "QueryEscape",
    "QueryUnescape",
    "User",
    "UserPassword",
    "Userinfo",
    "password",
    "userinfo_string",
    "username",
    "values_add",
    "values_clone",
    "values_del",
    "values_encode",
    "values_get",
    "values_has",
    "values_set",
]

# the parts of a URL, each escaped by its own rules (RFC 3986 and Go's choices)
_PATH, _SEGMENT, _HOST, _ZONE, _USER, _QUERY, _FRAGMENT = range(7)

_ALNUM = frozenset(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
_HEX = frozenset(b"0123456789ABCDEFabcdef")


def _escapes(c: int, part: int) -> bool:
    """The byte ``c`` is written ``%XX`` in ``part``."""
    if c in _ALNUM:
        return False
    if part in (_HOST, _ZONE) and c in b"!$&'()*+,;=:[]<>\"":
        return False  # a host's sub-delimiters, its port's colon, an IPv6 literal's brackets
    if c in b"-_.~":
        return False
    if c in b"$&+,/:;=?@":
        if part == _PATH:
            return c == ord("?")  # the path is handled whole: only ? ends it
        if part == _SEGMENT:
            return c in b"/;,?"
        if part == _USER:
            return c in b"@/?:"
        if part == _QUERY:
            return True
        if part == _FRAGMENT:
            return False
    return not (part == _FRAGMENT and c in b"!()*")


_KEPT = [frozenset(c for c in range(256) if not _escapes(c, part)) for part in range(7)]


class EscapeError(str):
    """``url.EscapeError``: the ``%`` sequence that is not two hex digits."""

    go_name = "url.EscapeError"

    def Error(self) -> str:
        return "invalid URL escape " + quote(str(self))


class InvalidHostError(str):
    """``url.InvalidHostError``: a byte a host name may not hold."""

    go_name = "url.InvalidHostError"

    def Error(self) -> str:
        return "invalid character " + quote(str(self)) + " in host name"


class Error(sl.GoError):
    """``*url.Error``: the operation (``Op``, ``"parse"``), the URL it was given
    (``URL``) and why it failed (``Err``, what ``Unwrap`` gives)."""

    __slots__ = ("Err", "Op", "URL")
    go_signatures = UNWRAPS_ONE

    def __init__(self, Op: str = "", URL: str = "", Err: Any = None) -> None:
        super().__init__("*url.Error", "")
        self.Op, self.URL, self.Err = Op, URL, Err

    def Error(self) -> str:
        return f"{self.Op} {quote(self.URL)}: {error_text(self.Err)}"

    def __str__(self) -> str:
        return self.Error()

    def Unwrap(self) -> Any:
        return self.Err

    def Timeout(self) -> bool:
        return bool(getattr(self.Err, "Timeout", lambda: False)())

    def Temporary(self) -> bool:
        return bool(getattr(self.Err, "Temporary", lambda: False)())


def _unescape(s: str, part: int) -> tuple[str, Any]:
    """``s`` with each ``%XX`` decoded (and ``+`` a space, in a query), or the error
    Go's gives for a malformed escape or a byte a host may not hold."""
    raw = s.encode()
    plus = False
    escaped = False
    i = 0
    while i < len(raw):
        c = raw[i]
        if c == ord("%"):
            escaped = True
            if i + 2 >= len(raw) or raw[i + 1] not in _HEX or raw[i + 2] not in _HEX:
                return "", EscapeError(raw[i : i + 3].decode(errors="surrogateescape"))
            seq = raw[i : i + 3]
            if part == _HOST and int(seq[1:], 16) < 0x80 and seq != b"%25":
                return "", EscapeError(seq.decode())  # a host escapes only non-ASCII bytes
            if part == _ZONE and seq != b"%25":
                v = int(seq[1:], 16)
                if v != ord(" ") and v not in _KEPT[_HOST]:
                    return "", EscapeError(seq.decode())
            i += 3
            continue
        if c == ord("+"):
            plus = part == _QUERY
        elif part in (_HOST, _ZONE) and c < 0x80 and c not in _KEPT[part]:
            return "", InvalidHostError(chr(c))
        i += 1
    if not escaped and not plus:
        return s, None
    out = bytearray()
    i = 0
    while i < len(raw):
        c = raw[i]
        if c == ord("%"):
            out.append(int(raw[i + 1 : i + 3], 16))
            i += 3
            continue
        out.append(ord(" ") if c == ord("+") and part == _QUERY else c)
        i += 1
    try:
        return out.decode(), None
    except UnicodeDecodeError:
        raise SimlabError(
            f"net/url: {s!r} unescapes to bytes that are not UTF-8: simlab's strings are text"
        ) from None


def _escape(s: str, part: int) -> str:
    """``s`` with each byte ``part`` may not hold written ``%XX`` (a space ``+`` in
    a query)."""
    kept = _KEPT[part]
    out = []
    for c in s.encode():
        if c in kept:
            out.append(chr(c))
        elif c == ord(" ") and part == _QUERY:
            out.append("+")
        else:
            out.append(f"%{c:02X}")
    return "".join(out)


def _valid_encoded(s: str, part: int) -> bool:
    """``s`` holds only bytes ``part`` may hold as they are, or escapes."""
    return all(c in b"!$&'()*+,;=:@[]%" or c in _KEPT[part] for c in s.encode())


def QueryEscape(s: str) -> str:
    """``url.QueryEscape``: ``s`` made safe for a query's key or value."""
    return _escape(s, _QUERY)


def PathEscape(s: str) -> str:
    """``url.PathEscape``: ``s`` made safe for one segment of a path (``/`` too)."""
    return _escape(s, _SEGMENT)


def QueryUnescape(s: str) -> tuple[str, Any]:
    """``url.QueryUnescape``: ``%XX`` decoded, ``+`` a space."""
    return _unescape(s, _QUERY)


def PathUnescape(s: str) -> tuple[str, Any]:
    """``url.PathUnescape``: ``%XX`` decoded, ``+`` kept."""
    return _unescape(s, _SEGMENT)


class Userinfo:
    """``*url.Userinfo``: a user name and, if set, a password; immutable, as Go's.
    Its methods are :func:`username`, :func:`password` and :func:`userinfo_string`,
    which take a nil ``*Userinfo`` (None) as Go's do."""

    __slots__ = ("_password", "_password_set", "_username")
    go_name = "*url.Userinfo"

    def __init__(self, name: str, pw: str = "", pw_set: bool = False) -> None:
        self._username, self._password, self._password_set = name, pw, pw_set

    def String(self) -> str:  # fmt's method
        return userinfo_string(self)


def User(name: str) -> Userinfo:
    """``url.User(name)``: a user name and no password."""
    return Userinfo(name)


def UserPassword(name: str, pw: str) -> Userinfo:
    """``url.UserPassword(name, pw)``."""
    return Userinfo(name, pw, True)


def username(u: Userinfo | None) -> str:
    """``u.Username()``: "" of a nil ``*Userinfo``."""
    return "" if u is None else u._username


def password(u: Userinfo | None) -> tuple[str, bool]:
    """``u.Password()``: the password and whether one is set."""
    return ("", False) if u is None else (u._password, u._password_set)


def userinfo_string(u: Userinfo | None) -> str:
    """``u.String()``: ``name[:password]``, each escaped."""
    if u is None:
        return ""
    s = _escape(u._username, _USER)
    return s + ":" + _escape(u._password, _USER) if u._password_set else s


class _UserField:
    """A URL's ``User`` as fmt prints it in a URL value's fields: by its String
    method, which a nil ``*Userinfo`` has too."""

    __slots__ = ("u",)

    def __init__(self, u: Userinfo | None) -> None:
        self.u = u

    def String(self) -> str:
        return userinfo_string(self.u)


class URL:
    """A ``url.URL``: Go's fields, by Go's names, and Go's methods on ``*URL``."""

    __slots__ = (  # noqa: RUF023  # Go's order, which fmt prints a URL value's fields in
        "Scheme",
        "Opaque",
        "User",
        "Host",
        "Path",
        "Fragment",
        "RawQuery",
        "RawPath",
        "RawFragment",
        "ForceQuery",
        "OmitHost",
    )
    go_name = "*url.URL"
    # every method of Go's is on *URL: a URL value (v := *u) prints field by field
    go_pointer_methods = ("String",)
    go_stringers: ClassVar[dict[str, type]] = {"User": _UserField}  # a nil *Userinfo: ""

    def __init__(
        self,
        Scheme: str = "",
        Opaque: str = "",
        User: Userinfo | None = None,
        Host: str = "",
        Path: str = "",
        RawPath: str = "",
        OmitHost: bool = False,
        ForceQuery: bool = False,
        RawQuery: str = "",
        Fragment: str = "",
        RawFragment: str = "",
    ) -> None:
        self.Scheme, self.Opaque, self.User, self.Host = Scheme, Opaque, User, Host
        self.Path, self.RawPath, self.OmitHost = Path, RawPath, OmitHost
        self.ForceQuery, self.RawQuery = ForceQuery, RawQuery
        self.Fragment, self.RawFragment = Fragment, RawFragment

    def _set_path(self, p: str) -> Any:
        path, err = _unescape(p, _PATH)
        if err is not None:
            return err
        self.Path = path
        self.RawPath = "" if _escape(path, _PATH) == p else p
        return None

    def _set_fragment(self, f: str) -> Any:
        frag, err = _unescape(f, _FRAGMENT)
        if err is not None:
            return err
        self.Fragment = frag
        self.RawFragment = "" if _escape(frag, _FRAGMENT) == f else f
        return None

    def EscapedPath(self) -> str:
        """The path as the URL writes it: ``RawPath`` if it still encodes ``Path``."""
        if self.RawPath and _valid_encoded(self.RawPath, _PATH):
            p, err = _unescape(self.RawPath, _PATH)
            if err is None and p == self.Path:
                return self.RawPath
        return "*" if self.Path == "*" else _escape(self.Path, _PATH)

    def EscapedFragment(self) -> str:
        """The fragment as the URL writes it: ``RawFragment`` if it still encodes
        ``Fragment``."""
        if self.RawFragment and _valid_encoded(self.RawFragment, _FRAGMENT):
            f, err = _unescape(self.RawFragment, _FRAGMENT)
            if err is None and f == self.Fragment:
                return self.RawFragment
        return _escape(self.Fragment, _FRAGMENT)

    def String(self) -> str:
        """``u.String()``: ``scheme:opaque?query#fragment`` or
        ``scheme://userinfo@host/path?query#fragment``, each part escaped."""
        out = []
        if self.Scheme:
            out.append(self.Scheme + ":")
        if self.Opaque:
            out.append(self.Opaque)
        else:
            if (self.Scheme or self.Host or self.User is not None) and not (
                self.OmitHost and not self.Host and self.User is None
            ):
                if self.Host or self.Path or self.User is not None:
                    out.append("//")
                if self.User is not None:
                    out.append(userinfo_string(self.User) + "@")
                if self.Host:
                    out.append(_escape(self.Host, _HOST))
            path = self.EscapedPath()
            if self.OmitHost and not self.Host and self.User is None and path.startswith("//"):
                out.append("%2F")
                path = path[1:]
            if path and path[0] != "/" and self.Host:
                out.append("/")
            if not "".join(out) and ":" in path.partition("/")[0]:
                out.append("./")  # a colon in the first segment would read as a scheme's
            out.append(path)
        if self.ForceQuery or self.RawQuery:
            out.append("?" + self.RawQuery)
        if self.Fragment:
            out.append("#" + self.EscapedFragment())
        return "".join(out)

    def Redacted(self) -> str:
        """``u.String()`` with a password written ``xxxxx``."""
        u = copy(self)
        if password(u.User)[1]:
            u.User = UserPassword(username(u.User), "xxxxx")
        return u.String()

    def IsAbs(self) -> bool:
        return self.Scheme != ""

    def Query(self) -> dict[str, list[str]]:
        """The query's values, those that parse (``ParseQuery``'s error dropped)."""
        return ParseQuery(self.RawQuery)[0]

    def RequestURI(self) -> str:
        """What an HTTP request line names: the escaped path (``/`` if none) or the
        opaque part, and the query."""
        result = self.Opaque
        if not result:
            result = self.EscapedPath() or "/"
        elif result.startswith("//"):
            result = self.Scheme + ":" + result
        if self.ForceQuery or self.RawQuery:
            result += "?" + self.RawQuery
        return result

    def Hostname(self) -> str:
        """The host without its port and an IPv6 literal's brackets."""
        return _split_host_port(self.Host)[0]

    def Port(self) -> str:
        """The port after the host's colon, "" if none."""
        return _split_host_port(self.Host)[1]

    def Parse(self, ref: str) -> tuple[URL | None, Any]:
        """``u.Parse(ref)``: ``ref`` parsed, then resolved against ``u``."""
        r, err = Parse(ref)
        if err is not None:
            return None, err
        assert r is not None
        return self.ResolveReference(r), None

    def ResolveReference(self, ref: URL) -> URL:
        """``ref`` resolved against ``u`` as RFC 3986 section 5.2 says, dot segments
        removed."""
        url = copy(ref)
        if not ref.Scheme:
            url.Scheme = self.Scheme
        if ref.Scheme or ref.Host or ref.User is not None:
            url._set_path(_resolve_path(ref.EscapedPath(), ""))
            return url
        if ref.Opaque:
            url.User, url.Host, url.Path = None, "", ""
            return url
        if not ref.Path and not ref.ForceQuery and not ref.RawQuery:
            url.RawQuery = self.RawQuery
            if not ref.Fragment:
                url.Fragment, url.RawFragment = self.Fragment, self.RawFragment
        if not ref.Path and self.Opaque:
            url.Opaque, url.User, url.Host, url.Path = self.Opaque, None, "", ""
            return url
        url.Host, url.User = self.Host, self.User
        url._set_path(_resolve_path(self.EscapedPath(), ref.EscapedPath()))
        return url

    def JoinPath(self, *elem: str) -> URL:
        """``u.JoinPath(elem...)``: a new URL, its path joined with ``elem`` and
        cleaned (a trailing slash kept)."""
        return self._join_path(elem)[0]

    def _join_path(self, elem: tuple[str, ...]) -> tuple[URL, Any]:
        parts = [self.EscapedPath(), *elem]
        if parts[0].startswith("/"):
            p = path_join(*parts)
        else:
            parts[0] = "/" + parts[0]
            p = path_join(*parts)[1:]
        if parts[-1].endswith("/") and not p.endswith("/"):
            p += "/"
        url = copy(self)
        return url, url._set_path(p)

    def MarshalBinary(self) -> tuple[list[int], Any]:
        return list(self.String().encode()), None

    def UnmarshalBinary(self, text: list[int]) -> Any:
        u, err = Parse(string_of(text))
        if err is not None:
            return err
        store(self, u)  # *u = *parsed
        return None

    def Clone(self) -> URL:
        u = copy(self)
        if u.User is not None:
            u.User = Userinfo(u.User._username, u.User._password, u.User._password_set)
        return u


def _split_host_port(host_port: str) -> tuple[str, str]:
    host, port = host_port, ""
    colon = host.rfind(":")
    if colon >= 0 and _valid_optional_port(host[colon:]):
        host, port = host[:colon], host[colon + 1 :]
    if host.startswith("[") and host.endswith("]"):
        host = host[1:-1]
    return host, port


def _valid_optional_port(port: str) -> bool:
    return port == "" or (port[0] == ":" and all("0" <= c <= "9" for c in port[1:]))


def _scheme(raw: str) -> tuple[str, str, Any]:
    """The scheme and the rest of ``scheme:rest``, or "" and ``raw`` when it has no
    scheme (a scheme is a letter, then letters, digits, ``+``, ``-`` or ``.``)."""
    for i, c in enumerate(raw):
        if "a" <= c <= "z" or "A" <= c <= "Z":
            continue
        if "0" <= c <= "9" or c in "+-.":
            if i == 0:
                return "", raw, None
            continue
        if c == ":":
            if i == 0:
                return "", "", new_error("missing protocol scheme")
            return raw[:i], raw[i + 1 :], None
        return "", raw, None
    return "", raw, None


def Parse(raw: str) -> tuple[URL | None, Any]:
    """``url.Parse(raw)``: the URL, or nil and a ``*url.Error``."""
    before, _, frag = raw.partition("#")
    url, err = _parse(before, via_request=False)
    if err is not None:
        return None, Error("parse", before, err)
    assert url is not None
    if frag == "":
        return url, None
    err = url._set_fragment(frag)
    if err is not None:
        return None, Error("parse", raw, err)
    return url, None


def ParseRequestURI(raw: str) -> tuple[URL | None, Any]:
    """``url.ParseRequestURI(raw)``: ``raw`` as an HTTP request names it, an
    absolute URL or an absolute path, with no fragment."""
    url, err = _parse(raw, via_request=True)
    if err is not None:
        return None, Error("parse", raw, err)
    return url, None


def _parse(raw: str, via_request: bool) -> tuple[URL | None, Any]:
    if any(c < " " or c == "\x7f" for c in raw):
        return None, new_error("net/url: invalid control character in URL")
    if raw == "" and via_request:
        return None, new_error("empty url")
    url = URL()
    if raw == "*":
        url.Path = "*"
        return url, None
    scheme, rest, err = _scheme(raw)
    if err is not None:
        return None, err
    url.Scheme = scheme.lower()
    if rest.endswith("?") and rest.count("?") == 1:
        url.ForceQuery = True
        rest = rest[:-1]
    else:
        rest, _, url.RawQuery = rest.partition("?")
    if not rest.startswith("/"):
        if url.Scheme:
            url.Opaque = rest  # mailto:joe@example.com
            return url, None
        if via_request:
            return None, new_error("invalid URI for request")
        if ":" in rest.partition("/")[0]:
            return None, new_error("first path segment in URL cannot contain colon")
    if (url.Scheme or (not via_request and not rest.startswith("///"))) and rest.startswith("//"):
        authority, slash, path = rest[2:].partition("/")
        rest = slash + path
        url.User, url.Host, err = _parse_authority(url.Scheme, authority)
        if err is not None:
            return None, err
    elif url.Scheme and rest.startswith("/"):
        url.OmitHost = True
    err = url._set_path(rest)
    if err is not None:
        return None, err
    return url, None


_USERINFO_PUNCTUATION = frozenset("-._:~!$&'()*+,;=%@")


def _parse_authority(scheme: str, authority: str) -> tuple[Userinfo | None, str, Any]:
    at = authority.rfind("@")
    host, err = _parse_host(scheme, authority[at + 1 :])
    if err is not None:
        return None, "", err
    if at < 0:
        return None, host, None
    info = authority[:at]
    if not all((c.isascii() and c.isalnum()) or c in _USERINFO_PUNCTUATION for c in info):
        return None, "", new_error("net/url: invalid userinfo")
    name, colon, pw = info.partition(":")
    name, err = _unescape(name, _USER)
    if err is not None:
        return None, "", err
    if not colon:
        return User(name), host, None
    pw, err = _unescape(pw, _USER)
    if err is not None:
        return None, "", err
    return UserPassword(name, pw), host, None


def _parse_host(scheme: str, host: str) -> tuple[str, Any]:
    bracket = host.rfind("[")
    if bracket > 0:
        return "", new_error("invalid IP-literal")
    if bracket == 0:
        close = host.rfind("]")
        if close < 0:
            return "", new_error("missing ']' in host")
        colon_port = host[close + 1 :]
        if not _valid_optional_port(colon_port):
            return "", new_error(f"invalid port {quote(colon_port)} after host")
        colon_port, err = _unescape(colon_port, _HOST)
        if err is not None:
            return "", err
        name = host[1:close]
        zone = name.find("%25")
        if zone >= 0:
            addr, err = _unescape(name[:zone], _HOST)
            if err is None:
                zone_id, err = _unescape(name[zone:], _ZONE)
                addr += zone_id
        else:
            addr, err = _unescape(name, _HOST)
        if err is not None:
            return "", err
        try:
            ip = ipaddress.ip_address(addr)
        except ValueError:
            return "", new_error(f"invalid host: ParseAddr({quote(addr)}): unable to parse IP")
        if ip.version == 4:
            return "", new_error("invalid IP-literal")
        return "[" + addr + "]" + colon_port, None
    i = host.find(":")
    if i >= 0:
        last = host.rfind(":")
        if last != i and scheme not in ("http", "https"):
            i = last  # http and https hold to the first colon (GODEBUG urlstrictcolons)
        if not _valid_optional_port(host[i:]):
            return "", new_error(f"invalid port {quote(host[i:])} after host")
    return _unescape(host, _HOST)


def _resolve_path(base: str, ref: str) -> str:
    """``ref`` read from the directory of ``base``, ``.`` and ``..`` removed."""
    if ref == "":
        full = base
    elif ref[0] != "/":
        full = base[: base.rfind("/") + 1] + ref
    else:
        full = ref
    if full == "":
        return ""
    out = "/"
    first = True
    segments = full.split("/")
    for elem in segments:
        if elem == ".":
            first = False
        elif elem == "..":
            last = out.rfind("/", 1)
            out = out[:last] if last >= 1 else "/"
            first = len(out) == 1
        else:
            out += elem if first else "/" + elem
            first = False
    if segments[-1] in (".", ".."):
        out += "/"
    return out[1:] if len(out) > 1 and out[1] == "/" else out


def ParseQuery(query: str) -> tuple[dict[str, list[str]], Any]:
    """``url.ParseQuery``: the values of ``k=v&k2=v2``, and the first error met (a
    pair with a bad escape or a semicolon is left out; the rest are kept)."""
    values: dict[str, list[str]] = {}
    if query.count("&") + 1 > 10000:
        return values, new_error("number of URL query parameters exceeded limit")
    err = None
    while query:
        pair, _, query = query.partition("&")
        if ";" in pair:
            err = new_error("invalid semicolon separator in query")
            continue
        if not pair:
            continue
        key, _, value = pair.partition("=")
        key, e = QueryUnescape(key)
        if e is None:
            value, e = QueryUnescape(value)
        if e is not None:
            err = err or e
            continue
        values[key] = [*values.get(key, []), value]
    return values, err


def JoinPath(base: str, *elem: str) -> tuple[str, Any]:
    """``url.JoinPath(base, elem...)``: ``base`` parsed, its path joined with
    ``elem``, written back."""
    u, err = Parse(base)
    if err is not None:
        return "", err
    assert u is not None
    joined, err = u._join_path(elem)
    return ("", err) if err is not None else (joined.String(), None)


def values_get(v: dict[str, list[str]], key: str) -> str:
    """``v.Get(key)``: the first value, "" if none."""
    vs = v.get(key)
    return vs[0] if vs else ""


def values_set(v: dict[str, list[str]], key: str, value: str) -> None:
    v[key] = [value]  # a nil map's panics, as Go's


def values_add(v: dict[str, list[str]], key: str, value: str) -> None:
    v[key] = [*v.get(key, []), value]


def values_del(v: dict[str, list[str]], key: str) -> None:
    v.pop(key, None)


def values_has(v: dict[str, list[str]], key: str) -> bool:
    return key in v


def values_clone(v: dict[str, list[str]]) -> dict[str, list[str]]:
    return NIL_MAP if v is NIL_MAP else {k: list(vs) for k, vs in v.items()}


def values_encode(v: dict[str, list[str]]) -> str:
    """``v.Encode()``: ``k=v`` pairs joined by ``&``, sorted by key (a key's values
    in their order), each escaped for a query."""
    return "&".join(QueryEscape(k) + "=" + QueryEscape(value) for k in sorted(v) for value in v[k])
