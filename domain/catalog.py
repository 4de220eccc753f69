"""The service catalog: items, their materials and time limits; the hall's layout.

"Same item, same standard, same code" (Bao'an report): the catalog is reference data
owned by the server; terminals pull it and never edit it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from domain.errors import UnknownItem

INSTANT = "instant"
PROMISED = "promised"


@dataclass(frozen=True)
class Material:
    """One required or conditional document of an item."""

    id: str
    name: str
    originals: int = 1
    copies: int = 0
    required: bool = True
    condition: str = ""
    # 容缺: a non-key material the case may be accepted without, against a written promise
    tolerable: bool = False
    # the authorisation (授权委托书 …) an agent (代办人) must hand in
    for_agent: bool = False
    # which party role brings it (ServiceItem.parties); "" = the application as a whole
    party: str = ""

    @property
    def conditional(self) -> bool:
        """Only needed in the situation `condition` names (e.g. an agent applies)."""
        return not self.required

    def counts_text(self) -> str:
        """原件1份 复印件2份, as the one-time notice prints it."""
        parts = []
        if self.originals:
            parts.append(f"原件{self.originals}份")
        if self.copies:
            parts.append(f"复印件{self.copies}份")
        return " ".join(parts)


@dataclass(frozen=True)
class PartyRole:
    """A role an item needs parties in (二手房买卖: 买方 and 卖方; 结婚登记: 男方 and 女方)."""

    role: str  # a code: buyer, seller, man, woman, heir …
    name: str  # 买方
    min: int = 1
    max: int = 1

    def to_dict(self) -> dict:
        return {"role": self.role, "name": self.name, "min": self.min, "max": self.max}


AGENT_WORDS = ("委托", "代办", "代理")
DEFAULT_EXTENSION_DAYS = 10  # 行政许可法 art. 42: the head may extend by ten working days


def _material(m: Mapping) -> Material:
    condition = m.get("condition", "")
    for_agent = m.get("for_agent")
    if for_agent is None:  # a catalog that does not say: the condition names an agent
        for_agent = not m.get("required", True) and any(w in condition for w in AGENT_WORDS)
    return Material(
        id=m["id"], name=m["name"], originals=int(m.get("originals", 1)),
        copies=int(m.get("copies", 0)), required=bool(m.get("required", True)),
        condition=condition, tolerable=bool(m.get("tolerable", False)),
        for_agent=bool(for_agent), party=str(m.get("party", "") or ""),
    )


@dataclass(frozen=True)
class ServiceItem:
    """One kind of application (政务服务事项)."""

    no: str  # 4-digit short number, printed inside slip barcodes
    code: str  # 事项编码
    name: str
    department: str
    zone: str
    kind: str
    promised_days: int
    legal_days: int
    fee: str = "不收费"
    agent_allowed: bool = True
    mailing_allowed: bool = True
    materials: tuple[Material, ...] = ()
    initials: str = ""  # pinyin initials, filled by the loader (pypinyin is not a domain dep)
    # what the hall sets locally (domain.standard_catalog); empty = every window, period
    windows: tuple[str, ...] = ()
    kiosk: bool = True
    periods: tuple[str, ...] = ()
    version: str = ""  # the standard catalog version it comes from: "city:4"
    # the most a department head may extend the limit by, once (working days)
    extension_days: int = DEFAULT_EXTENSION_DAYS
    parties: tuple[PartyRole, ...] = ()  # empty: one applicant (and maybe an agent)

    @property
    def instant(self) -> bool:
        """即办件: finished at the window on the spot."""
        return self.kind == INSTANT

    def required_materials(self) -> tuple[Material, ...]:
        return tuple(m for m in self.materials if m.required)

    def tolerable_materials(self) -> tuple[Material, ...]:
        """Materials the case may be accepted without, against the applicant's promise."""
        return tuple(m for m in self.materials if m.tolerable)

    def agent_materials(self) -> tuple[Material, ...]:
        """What an agent must hand in (授权委托书 and the like)."""
        return tuple(m for m in self.materials if m.for_agent)

    def to_dict(self) -> dict:
        """The catalog JSON shape (resources/catalog/)."""
        d = {k: getattr(self, k) for k in (
            "no", "code", "name", "department", "zone", "kind", "promised_days",
            "legal_days", "fee", "agent_allowed", "mailing_allowed", "extension_days")}
        d["materials"] = [m.__dict__.copy() for m in self.materials]
        if self.parties:
            d["parties"] = [p.to_dict() for p in self.parties]
        return d

    @classmethod
    def from_dict(cls, d: Mapping, initials: str = "") -> ServiceItem:
        return cls(
            no=str(d["no"]),
            code=str(d["code"]),
            name=d["name"],
            department=d["department"],
            zone=d["zone"],
            kind=d.get("kind", PROMISED),
            promised_days=int(d.get("promised_days", 0)),
            legal_days=int(d.get("legal_days", 0)),
            fee=d.get("fee", "不收费"),
            agent_allowed=bool(d.get("agent_allowed", True)),
            mailing_allowed=bool(d.get("mailing_allowed", True)),
            materials=tuple(_material(m) for m in d.get("materials", ())),
            initials=initials or d.get("initials", ""),
            windows=tuple(str(w) for w in d.get("windows", ())),
            kiosk=bool(d.get("kiosk", True)),
            periods=tuple(str(p) for p in d.get("periods", ())),
            version=str(d.get("version", "")),
            extension_days=int(d.get("extension_days", DEFAULT_EXTENSION_DAYS)),
            parties=tuple(PartyRole(role=str(p["role"]), name=str(p["name"]),
                                    min=int(p.get("min", 1)), max=int(p.get("max", 1)))
                          for p in d.get("parties", ())),
        )


@dataclass(frozen=True)
class Department:
    id: str
    name: str


@dataclass(frozen=True)
class Zone:
    """板块 / 服务区: windows and items grouped; `prefix` starts its queue numbers."""

    id: str
    name: str
    prefix: str


@dataclass(frozen=True)
class Window:
    id: str
    no: str
    name: str
    zone: str
    comprehensive: bool = True


@dataclass(frozen=True)
class Staff:
    """A member of staff; the password hash is only ever checked locally."""

    id: str
    no: str
    name: str
    role: str  # domain.roles: clerk | reviewer | head | supervisor | admin | guide
    window: str | None = None
    department: str | None = None
    password_hash: str = ""
    active: bool = True


@dataclass(frozen=True)
class Hall:
    """What differs between halls and is printed on their papers."""

    code: str
    name: str
    address: str = ""
    phone: str = ""
    hours: str = ""
    query_hint: str = ""


@dataclass(frozen=True)
class Catalog:
    """All reference data a terminal needs, with the look-ups screens use."""

    hall: Hall
    departments: tuple[Department, ...] = ()
    zones: tuple[Zone, ...] = ()
    windows: tuple[Window, ...] = ()
    staff: tuple[Staff, ...] = ()
    items: tuple[ServiceItem, ...] = ()
    _by_code: dict = field(default_factory=dict, compare=False, repr=False)
    _by_no: dict = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        self._by_code.update({i.code: i for i in self.items})
        self._by_no.update({i.no: i for i in self.items})

    def with_items(self, items: Iterable[ServiceItem]) -> Catalog:
        """The same hall with only `items` (e.g. what the kiosk offers)."""
        return Catalog(self.hall, self.departments, self.zones, self.windows, self.staff,
                       tuple(items))

    def item(self, code: str) -> ServiceItem:
        """The item by its 事项编码 or its 4-digit short number."""
        found = self._by_code.get(code) or self._by_no.get(code)
        if found is None:
            raise UnknownItem(f"事项编码不存在: {code}")
        return found

    def department(self, dep_id: str) -> Department | None:
        return next((d for d in self.departments if d.id == dep_id), None)

    def zone(self, zone_id: str) -> Zone | None:
        return next((z for z in self.zones if z.id == zone_id), None)

    def window(self, window_id: str | None) -> Window | None:
        return next((w for w in self.windows if w.id == window_id), None)

    def windows_of_zone(self, zone_id: str) -> tuple[Window, ...]:
        return tuple(w for w in self.windows if w.zone == zone_id)

    def staff_member(self, staff_id: str) -> Staff | None:
        return next((s for s in self.staff if s.id == staff_id or s.no == staff_id), None)

    def heads_of(self, department: str | None) -> tuple[Staff, ...]:
        """The active department heads (负责人) of a department: who may approve an
        extension of its cases."""
        return tuple(s for s in self.staff
                     if s.role == "head" and s.department == department and s.active)

    def search(self, query: str, limit: int = 50) -> list[ServiceItem]:
        """Items by name, pinyin initials or code; see `match_score`."""
        return search_items(self.items, query, limit)


def match_score(item: ServiceItem, query: str) -> int:
    """How well a query matches an item; 0 = not at all.

    Clerks and citizens type a fragment of the name (婚姻), pinyin initials (jhdj for
    结婚登记) or a number: the whole name, initials or number first, then a match at the
    start, then anywhere. Initials may also skip words after the first two letters
    (zftq → 住房公积金提取), but never scatter letters over a long name: "zzzz" is not a
    match for any item with four words starting with z.
    """
    q = query.strip().lower()
    if not q:
        return 1
    name = item.name.lower()
    initials = item.initials.lower()
    if q in (name, initials, item.no):
        return 5
    if name.startswith(q) or initials.startswith(q):
        return 4
    if q in name:
        return 3
    if q in initials:
        return 2
    if item.code.lower().startswith(q):
        return 2
    if q.isascii() and q.isalpha() and _skips_words(q, initials):
        return 1
    return 0


def _skips_words(q: str, initials: str) -> bool:
    """The first words' initials (at least two), then later words' in a row."""
    letters = "".join(c for c in initials if c.isascii() and c.isalpha())
    return any(letters.startswith(q[:i]) and q[i:] in letters[i + 1:]
               for i in range(2, len(q)))


def search_items(items: Iterable[ServiceItem], query: str, limit: int = 50,
                 popularity: Mapping[str, int] | None = None) -> list[ServiceItem]:
    """Best matches first; among equals, the items this hall serves most (`popularity`:
    item number → recent cases), then catalog order."""
    used = popularity or {}
    scored = [(match_score(i, query), n, i) for n, i in enumerate(items)]
    hits = [(s, n, i) for s, n, i in scored if s > 0]
    hits.sort(key=lambda t: (-t[0], -used.get(t[2].no, 0), t[1]))
    return [i for _, _, i in hits[:limit]]


def catalog_from_dict(data: Mapping, initials_of=None) -> Catalog:
    """Build a Catalog from the JSON shape; `initials_of(name)` supplies pinyin."""
    init = initials_of or (lambda _name: "")
    h = data["hall"]
    return Catalog(
        hall=Hall(code=h["code"], name=h["name"], address=h.get("address", ""),
                  phone=h.get("phone", ""), hours=h.get("hours", ""),
                  query_hint=h.get("query_hint", "")),
        departments=tuple(Department(d["id"], d["name"]) for d in data.get("departments", ())),
        zones=tuple(Zone(z["id"], z["name"], z.get("prefix", "A")) for z in data.get("zones", ())),
        windows=tuple(
            Window(w["id"], w["no"], w["name"], w["zone"], bool(w.get("comprehensive", True)))
            for w in data.get("windows", ())
        ),
        staff=tuple(
            Staff(id=s["id"], no=s["no"], name=s["name"], role=s.get("role", "clerk"),
                  window=s.get("window"), department=s.get("department"),
                  password_hash=s.get("password_hash", ""), active=bool(s.get("active", True)))
            for s in data.get("staff", ())
        ),
        items=tuple(ServiceItem.from_dict(i, init(i["name"])) for i in data.get("items", ())),
    )
