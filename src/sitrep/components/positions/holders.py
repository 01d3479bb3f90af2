"""Who holds a position: the predicate's subject when it is a party (a state, a body, a group, a person,
a share of people), else whoever voices the sentence (the subject of the reporting or believing verb
above it, or the statement's speaker); names as news reports write them ("US", "EU")."""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

from spacy.tokens import Doc, Token

from ...text import doc_text
from ..shared.clauses import chunk_of, doc_memo, speaker_name, statement_at, statement_with_cue, subject_of
from ..shared.lexicon import cue_has, data_rows, position_cues
from ..shared.parties import governing_speech, party_name
from ..shared.sides import same_name, same_party
from ..shared.states import capital_country, state_of
from .authors import author_at
from .predicates import judging_verb
from .roles import office_antecedent
from .topics import topic_in

PRONOUNS = {"he", "she", "it", "they", "his", "her", "its", "their", "him", "them"}
SELF = {"we", "i", "us", "our", "my"}
RELATIVE = {"who", "that", "which"}
NON_PARTIES = {"this", "that", "there", "which", "what", "these", "those", "everything", "nothing"}
NON_PARTIES |= {"some", "any", "none", "all", "each", "one", "whom", "whose"}  # "some of whom"
SHARES = {"majority", "minority", "percent", "per cent", "%", "share", "half", "third", "quarter", "most"}
SHARES |= {"many"}
PARTY_SUFFIXES = ("ist", "ian")
CUE_VERBS = ("open_verb", "rejects", "criticizes")
BODIES = {"GPE", "NORP", "LOC", "FAC"}  # names of no person (spaCy often reads a surname as ORG)
MAX_GAP = 400  # characters between a statement and an uncued sentence that goes on in its voice
NAME_GLUE = {"and", "of", "the", "its", "their", "s", "'s"}


@lru_cache(maxsize=1)
def party_nouns() -> frozenset[str]:
    """Common nouns that name a party (`positions_parties.tsv`)."""
    return frozenset(r[0].lower() for r in data_rows("positions_parties.tsv"))


@lru_cache(maxsize=1)
def _texts() -> frozenset[str]:
    """Nouns of texts a party issues besides statements ("China's peace proposal", "the Chinese plan"),
    whose issuer holds what a later "the document" says (`positions_texts.tsv`)."""
    return frozenset(r[0].lower() for r in data_rows("positions_texts.tsv"))


@lru_cache(maxsize=1)
def _short_forms() -> list[tuple[re.Pattern[str], str]]:
    """(full name pattern, short form) pairs, longest first (`positions_holders.tsv`)."""
    rows = sorted(data_rows("positions_holders.tsv"), key=lambda r: -len(r[0]))
    return [(re.compile(rf"(?<!\w){re.escape(r[0])}(?!\w)", re.IGNORECASE), r[1]) for r in rows if len(r) > 1]


def display(name: str) -> str:
    """A holder's name as news reports write it: "United States and allies" -> "US and allies"."""
    for pattern, short in _short_forms():
        name = pattern.sub(short, name)
    return name


def is_self(tok: Token) -> bool:
    """The first person ("we", "I"; not "US")."""
    return tok.pos_ == "PRON" and tok.lower_ in SELF


def is_party(tok: Token) -> bool:
    """Whether a subject can hold a position: a name, a pronoun, a body or group of people; not "it",
    not a thing ("the equipment", "history", "the priority") and not a topic ("the borders")."""
    if tok.lower_ in NON_PARTIES or tok.pos_ in ("NUM", "DET"):
        return False
    if tok.pos_ in ("PRON", "PROPN") or tok.ent_type_ in ("GPE", "ORG", "NORP", "PERSON"):
        return True  # "the EU", "NATO" are parties even though membership of them is a topic
    if tok.text[:1].isupper() and tok.lower_ in capital_country():
        return True  # "Kyiv demands ...", the capital mis-tagged as an adjective
    lemma = tok.lemma_.lower()
    if lemma in party_nouns() or tok.lower_ in party_nouns() or lemma.endswith(PARTY_SUFFIXES):
        return True
    return any(cue_has(lemma, cls) for cls in ("government", "person_role", "force")) and not topic_in([tok])


def counted(tok: Token | None) -> bool:
    """ "64% of Ukrainians", "the majority of respondents": a share of people holds the position."""
    return tok is not None and (tok.like_num or tok.lemma_.lower() in SHARES or tok.text == "%")


def counted_name(tok: Token) -> str:
    """The share with what it counts ("absolute majority of Ukrainians - 87%"), at most ten words."""
    words = [t for t in tok.subtree if t.dep_ not in ("relcl", "acl", "punct") or t.i <= tok.i][:10]
    words = [t for t in words if t.dep_ != "det" or t.i > words[0].i]
    return tok.doc[words[0].i : words[-1].i + 1].text if words else tok.text


def _with_group(tok: Token, name: str) -> str:
    """ "87% of Ukrainians are against concessions, whereas 9% are ready for them": a bare share ("9%")
    counts the group of the share named before it in its sentence or the one before ("9% of Ukrainians")."""
    if any(t.is_alpha and t.lower_ not in SHARES for t in tok.subtree):
        return name  # "9% of Ukrainians", "a majority of respondents": the group is named
    doc = tok.doc
    first = doc[tok.sent.start - 1].sent.start if tok.sent.start > 0 else tok.sent.start
    for t in reversed(doc[first : tok.i]):
        if (
            t.dep_ == "pobj"
            and t.head.lower_ == "of"
            and counted(t.head.head)
            and t.pos_ in ("NOUN", "PROPN")
        ):
            return f"{name} of {doc[t.left_edge.i : t.i + 1].text}"
    return name


def subject(verb: Token) -> Token | None:
    """The subject of a predicate: passive subjects of adjectives ("X are prepared to"), the antecedent of a
    relative pronoun ("isolationists who believe ...")."""
    subj = subject_of(verb)
    before = [c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i]
    if subj in before[:-1]:  # two subjects, a misparse of a headline run into the text: the nearer says
        subj = before[-1]
    if subj is None:
        subj = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
        if subj is not None and verb.pos_ != "ADJ":
            subj = None
    if subj is not None and subj.lower_ in RELATIVE and verb.dep_ == "relcl":
        return verb.head
    return subj


def party(tok: Token) -> str | None:
    """The name of the party at a subject token, with its coordinated parties ("US and allies")."""
    if counted(tok):
        return _with_group(tok, counted_name(tok))
    name = party_name(tok)
    if name is None:
        return None
    name = capital_country().get(name.lower(), name)  # "Kyiv" read as an adjective: Ukraine
    if tok.tag_ in ("NNPS", "NNS") and tok.ent_type_ == "NORP" and _people_state(tok.text):
        state = _people_state(tok.text)  # "the Russians talk" -> Russians (Russia): the people and its state
        name = f"{tok.text} ({state})" if state and state.lower() != tok.lower_ else name
    elif tok.pos_ == "PRON" and _people_state(name):
        name = _people_state(name) or name  # "they want to talk", they being "the Russians" -> Russia
    more = [c for c in tok.children if c.dep_ == "conj" and is_party(c)]
    names = [name]
    for c in more:  # "Colombia's government and the ELN": each its own name, never the first twice
        other = party_name(c)
        names.append(other if other and other != name else chunk_of(c).text)
    return display(" and ".join(names))


def _people_state(word: str) -> str | None:
    """The state a people's name stands for ("Russians", "Iranians" -> the state), else None."""
    return state_of(word) or (state_of(word[:-1]) if word.endswith("s") else None)


def speaker_holder(tok: Token) -> str | None:
    """Who voices the sentence at `tok`: the subject of its reporting or believing verb, else the speaker."""
    cue = governing_speech(tok)
    if cue is not None:
        subj = subject(cue)
        name = party(subj) if subj is not None and is_party(subj) and not is_self(subj) else None
        if name:
            return name
    name = _issued(tok, speaker_name(statement_at(tok.doc, tok.idx))) or author_at(tok.doc, tok.idx, tok)
    if name is None and tok.dep_ == "ccomp":  # "Zelensky boasted that the war must end with ...": who did
        gov = subject_of(tok.head)
        name = party(gov) if gov is not None and is_party(gov) and not is_self(gov) else None
    name = name or last_speaker(tok)
    return display(name) if name else None


def holder_of(pred: Token) -> str | None:
    """The name of whoever holds the position at `pred`: its subject when a party, else the speaker; a
    text named as the holder ("they will not be recognized", they being the statement) is its issuer's."""
    name = _holder_of(pred)
    if name and name in doc_memo(pred.doc, "positions_outlets", lambda: _outlets(pred.doc)):
        before = [
            n for i, n in doc_memo(pred.doc, "positions_issuers", lambda: _issuers(pred.doc)) if i < pred.i
        ]
        name = before[-1] if before else name  # "..., Ukrinform reports. It added that ...": the statement's
    return _issued(pred, name) if name else None


def _outlets(doc: Doc) -> set[str]:
    """Names that report the news in the text ("..., Ukrinform reports"): an outlet holds no position."""
    out: set[str] = set()
    for t in doc:
        if t.lemma_ == "report" and t.pos_ == "VERB":
            subj = subject_of(t)
            if subj is not None and subj.pos_ == "PROPN" and subj.ent_type_ not in ("GPE", "NORP", "PERSON"):
                if state_of(subj.text):
                    continue  # "Ukraine reported heavy fighting": a state, not an outlet
                name = party_name(subj)
                out.add(display(name) if name else subj.text)
    return out


def _said_then(pred: Token) -> Token | None:
    """ "..., he said, lashing out at the US for ...": a participle right after a reporting verb and its
    comma is the speaker's act, whatever clause the parser hung it on; the reporting verb's subject."""
    doc = pred.doc
    if pred.tag_ != "VBG" or pred.i < 3 or doc[pred.i - 1].text != ",":
        return None
    for v in doc[max(pred.sent.start, pred.i - 4) : pred.i - 1]:
        if v.pos_ == "VERB" and cue_has(v.lemma_, "speech"):
            subj = subject_of(v)
            return subj if subj is not None and subj.i < v.i and (is_party(subj) or is_self(subj)) else None
    return None


def _holder_of(pred: Token) -> str | None:
    said = _said_then(pred)
    if said is not None:
        return party(said) if not is_self(said) else speaker_holder(pred)
    if position_cues().get(pred.lemma_.lower()) in ("sole_way", "time_for", "interest_in"):  # "the only way"
        return speaker_holder(pred)
    if pred.pos_ == "NOUN" and subject_of(pred) is None:  # "Russia's demands", "made an appeal"
        owner = _owner(pred)
        if owner is not None and not is_self(owner):
            name = party_name(owner)
            maker = _maker(pred) if name is None and owner.pos_ == "PRON" else None
            if maker is not None:  # "the allied leaders expressed their desire to ...": the leaders'
                name = party(maker)
            return display(name) if name else None
        subj = _maker(pred)  # "the ministry made an appeal": whoever makes it; "voicing opposition": nobody
        if subj is None and owner is not None:  # "our support for Ukraine": the speaker's side
            return speaker_holder(pred)
        return party(subj) if subj is not None else None
    verb = pred.head if pred.dep_ in ("acomp", "attr", "oprd", "amod", "prep", "dobj") else pred
    verb = (
        (judging_verb(pred) or verb) if pred.pos_ == "ADJ" else verb
    )  # "Washington described them as illegal"
    if verb.lemma_ == "be" and position_cues().get(pred.lower_) in ("rejects_adj", "open_adj"):
        judge = _judge(pred)  # "the offer is unsatisfactory for them": who judges it
        return party(judge) if judge is not None else speaker_holder(pred)  # the subject is the topic
    subj = subject(verb) if verb is not pred else subject(pred)
    if subj is None and verb.dep_ == "acl" and position_cues().get(verb.head.lemma_.lower()) == "text_noun":
        subj = _signer(verb.head)  # "signed a statement calling on X to": the signers
    text = subj or next((c for c in verb.children if c.dep_ == "nsubjpass"), None)  # "was opposed to"
    if subj is None and verb is pred and pred.tag_ == "VBN" and position_cues().get(pred.lower_) == "open":
        subj = text  # "the Ukrainians are committed to victory", "Kyiv is prepared to talk": a readiness
    if text is not None and position_cues().get(text.lemma_.lower()) == "text_noun":
        issuer = _text_issuer(text)  # "the document called to suspend ...": whoever issued it
        if issuer is not None:
            return issuer
    if (
        subj is not None
        and _relative(verb)
        and subj.pos_ == "NOUN"
        and position_cues().get(pred.lemma_) in CUE_VERBS
    ):
        return None  # "a country that threatens war": the clause describes the country, no stance is stated
    if subj is not None and not (is_self(subj) or is_party(subj) or counted(subj)):
        if verb is pred and position_cues().get(pred.lemma_.lower()) in CUE_VERBS or _relative(verb):
            return None  # "the equipment supports Ukraine", "terms which support": a thing, no stance
    if subj is not None and (
        is_self(subj) or not (is_party(subj) or counted(subj)) or _ours_asked(subj, verb)
    ):
        subj = None  # "borders should not be changed by force": the speaker holds it, not the borders
    if subj is None and verb.dep_ == "ccomp" and not is_self(verb.head):
        gov = subject_of(verb.head)  # "Biden has sworn that there would be no troops": who swore it
        subj = gov if gov is not None and not is_self(gov) and is_party(gov) else None
    if subj is not None and subj.lower_ == "they":  # "The Quad ministers met. They called for ...": them
        subj = plural_antecedent(subj) or subj
    name = party(subj) if subj is not None else None
    if subj is not None and subj.lower_ in ("he", "she"):  # "Kurz stressed he would never accept ...": Kurz
        name = reported_self(pred) or name
    speaker = _issued(
        pred, speaker_name(statement_at(pred.doc, pred.idx) or statement_with_cue(pred.doc, pred))
    )
    if name is None and subj is not None and subj.lower_ in ("he", "she", "they"):
        # "Ortega said they would keep their sanctions": they are not the speaker; "He called for": see roles
        return office_antecedent(subj)
    if name is None:
        speaker = speaker or author_at(pred.doc, pred.idx, pred)  # "we must ..." in a letter: its signer
        return display(speaker) if speaker else None
    speaker = display(speaker) if speaker else None
    voiced = speaker and subj is not None and not _person(subj) and not shares_word(name, speaker)
    voiced = voiced and not same_name(name, speaker)  # "Russia" said by "the Russians" is Russia
    if voiced and (same_party(name, speaker) or _unnamed_body(subj)):
        return f"{name} ({speaker})"  # a body voiced by its own: "Russia (Sergei Lavrov)"
    return name


def last_speaker(tok: Token) -> str | None:
    """The speaker of the statement that ends last before `tok`, when no more than one paragraph break
    lies between ("..., Xi said.\n\nThe parties must show restraint ..."): an uncued sentence right after
    a quotation goes on in its speaker's voice."""
    ends, names = doc_memo(tok.doc, "positions_statement_ends", lambda: _statement_ends(tok.doc))
    k = bisect_right(ends, tok.idx) - 1
    if k < 0 or names[k] is None or tok.idx - ends[k] > MAX_GAP:
        return None
    return names[k] if doc_text(tok.doc).count("\n\n", ends[k], tok.idx) <= 1 else None


def _statement_ends(doc: Doc) -> tuple[list[int], list[str | None]]:
    """The statements' content ends in order, with their speakers' names."""
    rows = sorted((st.content.span[1], speaker_name(st)) for st in (doc._.sitrep_statements or []))
    return [e for e, _n in rows], [n for _e, n in rows]


def no_party(holder: str) -> bool:
    """A holder that names no party: a bare pronoun ("his") or a bare text noun ("reports", "the letter")."""
    words = [w for w in holder.lower().split() if w != "the"]
    if len(words) != 1:
        return False
    word, one = words[0], words[0].rstrip("s")
    return word in PRONOUNS or position_cues().get(one) == "text_noun" or one in _texts()


def plural_antecedent(pron: Token) -> Token | None:
    """The parties a "they" takes up: the plural or coordinated subject of its sentence's main clause
    before it, or of the sentence before ("Germany and France held talks. They called for ..."); None
    when neither sentence has one (the coreference then decides)."""
    doc = pron.doc
    prev = doc[pron.sent.start - 1].sent if pron.sent.start > 0 else None
    for s in (pron.sent, prev):
        if s is None:
            continue
        subj = next((c for c in s.root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is None or subj.i >= pron.i or subj.pos_ == "PRON":
            continue
        plural = subj.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in subj.children)
        return subj if plural and is_party(subj) else None
    return None


def _unnamed_body(subj: Token | None) -> bool:
    """ "Blinken said the administration opposed ...": a body named by a common noun alone ("the
    administration", "the ministry"), which its speaker voices."""
    if subj is None or subj.pos_ != "NOUN" or subj.tag_ in ("NNS", "NNPS"):
        return False
    if any(c.dep_ == "poss" and c.pos_ == "PRON" for c in subj.children):
        return True  # "Fico said his government would not send weapons"
    named = any(c.ent_type_ or c.pos_ == "PROPN" or c.dep_ == "poss" for c in subj.children)
    return not named and any(c.dep_ == "det" and c.lower_ == "the" for c in subj.children)


def reported_self(pred: Token) -> str | None:
    """The speaker of the statement whose content holds `pred`, when the statement's cue governs it ("he"
    in reported speech is mostly the speaker: "X said he would not send troops")."""
    st = statement_at(pred.doc, pred.idx)
    if st is None or st.speaker is None or st.speaker.span is None:
        return None
    who = pred.doc.char_span(*st.speaker.span, alignment_mode="expand")
    if who is None:
        return None
    subj = subject_of(pred)
    if subj is not None and subj.lower_ == "they":  # "the G7 leaders said they would keep ...": a group's own
        if not any(t.tag_ in ("NNS", "NNPS") for t in who):
            return None  # "Putin said they would continue": others
    elif not any(_person(t) or t.pos_ == "PROPN" and t.ent_type_ not in BODIES for t in who):
        return None  # "a claim the US predicted he would make": he is no body
    for a in pred.ancestors:
        if st.cue.span[0] <= a.idx < st.cue.span[1]:
            return display(st.speaker.name)
        other = subject_of(a)
        if other is not None and other.lower_ not in ("he", "she"):
            return None  # "he added that Russia faced the choice whether he would ...": another's clause
    return None


def _issued(tok: Token, speaker: str | None) -> str | None:
    """ "..., the statement said": the party that issued the text ("the participants ... in a joint
    statement called on Russia to ..."), the nearest such text before `tok`; else the speaker as named."""
    words = [w for w in (speaker or "").lower().split() if w not in ("the", "a", "joint", "its", "their")]
    if len(words) != 1 or position_cues().get(words[0].rstrip("s")) != "text_noun":
        return speaker
    doc = tok.doc
    issuers = doc_memo(doc, "positions_issuers", lambda: _issuers(doc))
    before = [name for i, name in issuers if i < tok.i]
    return before[-1] if before else speaker


def _text_issuer(text: Token) -> str | None:
    """Who issued the text at `text`: its signer ("China's document"), else the nearest issuer before."""
    who = _signer(text)
    if who is not None and is_party(who) and not is_self(who):
        return _issuer_name(who)
    found = _issued(text, text.lemma_.lower())
    return found if found != text.lemma_.lower() else None


def _issuers(doc: Doc) -> list[tuple[int, str]]:
    """(token index, issuer) of each text noun whose owner or maker is a party ("Iran's statement")."""
    out: list[tuple[int, str]] = []
    for t in doc:
        if t.pos_ == "NOUN" and (
            position_cues().get(t.lemma_.lower()) == "text_noun" or t.lemma_ in _texts()
        ):
            who = _signer(t)
            name = _issuer_name(who) if who is not None and is_party(who) and not is_self(who) else None
            if name:
                out.append((t.i, name))
    return out


def _issuer_name(who: Token) -> str | None:
    """A party's name; a people's adjective is its state ("the Chinese proposal": China)."""
    if who.dep_ in ("amod", "compound") and who.ent_type_ == "NORP":
        return _people_state(who.text) or party(who)
    return party(who)


def _signer(text: Token) -> Token | None:
    """Who issues a text: "Iran's statement", "signed a statement", "the members in a joint statement"."""
    found = _owner(text) or _maker(text)
    if found is None and text.dep_ == "pobj" and text.head.lower_ == "in" and is_party(text.head.head):
        return text.head.head
    return found


def _ours_asked(subj: Token, verb: Token) -> bool:
    """ "Our government must press for a ceasefire": the speaker asks it of their own side."""
    ours = any(c.dep_ == "poss" and is_self(c) for c in subj.children)
    return ours and any(c.dep_ == "aux" and c.lower_ in ("must", "should") for c in verb.children)


def _owner(noun: Token) -> Token | None:
    """Whose position a noun states: "Russia's demands", "Western calls", "the support of the EU"."""
    for c in noun.children:
        if c.dep_ == "poss" or (c.dep_ in ("amod", "compound") and c.ent_type_ in ("NORP", "GPE", "ORG")):
            return c
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ in ("of", "by"):
            obj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if obj is not None and obj.ent_type_ in ("NORP", "GPE", "ORG", "PERSON"):
                return obj
    return None


def _maker(noun: Token) -> Token | None:
    """The party whose verb a position noun hangs from ("he sent a message with an appeal that ...")."""
    cur = noun
    for _ in range(4):
        if cur.dep_ not in ("dobj", "pobj", "prep", "attr"):
            return None
        cur = cur.head
        if cur.pos_ in ("VERB", "AUX"):
            subj = subject(cur)
            ok = subj is not None and is_party(subj) and not is_self(subj)
            return subj if ok else None
    return None


def _judge(adj: Token) -> Token | None:
    """The party a judgement is made for ("unacceptable for Moscow")."""
    for c in adj.children:
        if c.dep_ == "prep" and c.lower_ in ("for", "to"):
            obj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if obj is not None and is_party(obj) and not is_self(obj):
                return obj
    return None


def _relative(verb: Token) -> bool:
    """A relative clause ("those who support the invasion"): it describes its antecedent."""
    return verb.dep_ == "relcl"


def _person(tok: Token) -> bool:
    return (
        tok.ent_type_ == "PERSON"
        or tok.lower_ in ("he", "she", "him", "her")
        or cue_has(tok.lemma_, "person_role")
    )


def shares_word(a: str, b: str) -> bool:
    """Whether two names share a word ("US" and "US and allies" do; "and", "of", "the" do not count)."""
    return bool(_name_words(a) & _name_words(b))


def _name_words(name: str) -> set[str]:
    return {w for w in name.lower().replace("(", " ").replace(")", " ").split() if w not in NAME_GLUE}
