"""The public knowledge export, data/knowledge.json (schema_version 1, see DESIGN.md)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ..core.models import Article, Citation, Claim, Coverage, Event, Location, Site
from ..core.slugs import slugify

SCHEMA_VERSION = 1


def page_url(docs_path: str) -> str:
    """Return the site URL (relative to the site root) of a docs page."""
    if docs_path == "index.md":
        return ""
    stem = docs_path.removesuffix(".md")
    return stem.removesuffix("index") if stem.endswith("/index") else f"{stem}/"


def claim_anchor(claim: Claim) -> str:
    """The anchor of a claim's heading on the claims page (set with an attribute list)."""
    return f"claim-{slugify(claim.id)}"


def knowledge_json(site: Site) -> bytes:
    """Serialise the site's knowledge to stable, pretty JSON bytes."""
    data: dict[str, Any] = {
        "schema_version": SCHEMA_VERSION,
        "site": {"title": site.config.title, "description": site.config.description,
                 "event": site.config.event, "date": site.config.date,
                 "title_from": site.config.title_from},
        "sources": [_source(a) for a in site.articles],
        "entities": [
            {"id": e.id, "kind": e.kind, "name": e.name, "aliases": list(e.aliases),
             "role": e.role, "side": e.side, "note": e.note, "subkind": e.subkind,
             "part_of": [{"name": p.name, "entity": p.entity, "basis": p.basis,
                          "source": p.citation.source if p.citation else None,
                          "paragraph": p.citation.paragraph if p.citation else None} for p in e.part_of],
             "location": _location(e.location), "page": page_url(e.page),
             "mentions": [{"source": m.source, "paragraph": m.paragraph, "text": m.text,
                           "start": m.start} for m in e.mentions]}
            for e in site.entities
        ],
        "statements": [
            {"id": s.id, "speaker": s.speaker, "speaker_text": s.speaker_text, "kind": s.kind,
             "text": s.text, "official": s.official, "channel": s.channel, "side": s.side, "camp": s.camp,
             "verb": s.verb,
             "speakers": list(s.speakers), "reason": s.reason, "citation": _citation(s.citation)}
            for s in site.statements
        ],
        "claims": [
            {"id": c.id, "topic": c.topic, "status": c.status,
             "positions": [{"side": p.side, "claimants": list(p.claimants), "summary": p.summary,
                            "stances": list(p.stances), "statements": list(p.statements),
                            "citations": [_citation(x) for x in p.citations]}
                           for p in c.positions]}
            for c in site.claims
        ],
        "figures": [
            {"id": f.id, "measure": f.measure, "scope": f.scope, "conflict": f.conflict,
             "values": [{"value": v.value, "text": v.text, "claimant": v.claimant, "qualifier": v.qualifier,
                         "low": v.low, "high": v.high, "citation": _citation(v.citation)} for v in f.values]}
            for f in site.figures
        ],
        "events": [_event(e) for e in site.events],
        "date_disagreements": [
            {"words": list(d.words), "events": [_event(e) for e in d.events]} for d in site.date_disagreements
        ],
        "coverage": _coverage(site.coverage),
    }
    return (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def _event(e: Event) -> dict[str, Any]:
    return {"date": e.date, "precision": e.precision, "resolved_from": e.resolved_from, "text": e.text,
            "citation": _citation(e.citation)}


def _source(a: Article) -> dict[str, Any]:
    return {
        "id": a.id, "title": a.title, "outlet": a.meta.outlet, "outlet_from": a.meta.outlet_from,
        "url": a.meta.url, "published": a.meta.published, "author": a.meta.author,
        "author_from": a.meta.author_from, "dateline": a.meta.dateline, "dateline_from": a.meta.dateline_from,
        "language": a.meta.language, "page": page_url(a.page), "file": Path(a.path).name,
        "paragraphs": [{"id": p.id, "text": p.text, "kind": p.kind, "line": p.line}
                       for p in a.paragraphs],
        "removed": [{"text": r.text, "reason": r.reason, "line": r.line} for r in a.removed],
    }


def _coverage(coverage: Coverage) -> dict[str, Any]:
    return {
        "questions": list(coverage.questions), "central": list(coverage.central),
        "sources": [{"source": s.source,
                     "reports": [{"claim": r.claim, "position": r.position, "side": r.side,
                                  "paragraphs": list(dict.fromkeys(c.paragraph for c in r.citations)),
                                  "only": r.only or None} for r in s.reports],
                     "names": [{"entity": n.entity, "mentions": n.mentions, "paragraphs": list(n.paragraphs)}
                               for n in s.names]}
                    for s in coverage.sources],
        "exclusive": [{"claim": e.claim, "position": e.position, "side": e.side, "scope": e.scope,
                       "sources": list(e.sources), "outlet": e.outlet} for e in coverage.exclusives],
    }


def _location(loc: Location | None) -> dict[str, Any] | None:
    if loc is None:
        return None
    return {"lat": loc.lat, "lon": loc.lon, "gazetteer": "GeoNames", "id": loc.geonameid, "name": loc.name,
            "country": loc.country, "region": loc.region or None, "url": loc.geonames}


def _citation(c: Citation) -> dict[str, str]:
    return {"source": c.source, "paragraph": c.paragraph, "quote": c.quote}
