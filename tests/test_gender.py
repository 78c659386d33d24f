"""Person pronouns find an antecedent of their own gender (whodid.gender). Sentences written for these tests."""
from whodid.gender import fits, phrase_gender, pronoun_gender


def test_phrase_gender_from_titles_honorifics_and_given_names():
    assert phrase_gender("Chancellor Angela Merkel") == "f"
    assert phrase_gender("Mrs Okafor") == "f"
    assert phrase_gender("the party spokeswoman") == "f"
    assert phrase_gender("Mr. Tanaka") == "m"
    assert phrase_gender("Fillon", "François Fillon") == "m"  # the knowledge base's name, accents folded
    assert phrase_gender("Señora Ruiz") == "f"


def test_unknown_gender_fits_both_pronouns():
    assert phrase_gender("Kim Jong Un") is None  # no word tells: either pronoun may point back
    assert phrase_gender("Senator Okonkwo") is None
    assert fits("he", "Senator Okonkwo") and fits("she", "Senator Okonkwo")
    assert not fits("she", "President Donald Trump")
    assert fits("they", "President Donald Trump")  # not a gendered pronoun
    assert pronoun_gender("Her") == "f" and pronoun_gender("it") is None


def _sides(coder, text, trigger):
    event = next(e for e in coder.code_text(text, published="2017-03-01") if e.trigger.text == trigger)
    return [a.name or a.text for a in event.actors], [a.name or a.text for a in event.recipients]


def test_he_skips_the_woman_named_last(coder):
    text = ("German Chancellor Angela Merkel welcomed Turkish President Recep Tayyip Erdogan to Berlin on Friday. "
            "He criticised the European Union's sanctions on his country.")
    actors, _ = _sides(coder, text, "criticised")
    assert actors == ["Recep Tayyip Erdogan"]


def test_her_skips_the_man_named_last(coder):
    text = ("Prime Minister Theresa May spoke to Donald Trump by phone on Monday. "
            "He praised her plan for trade talks.")
    actors, recipients = _sides(coder, text, "praised")
    assert actors == ["Donald Trump"]
    assert "Theresa May" in recipients


def test_possessive_names_keep_their_gender():
    assert phrase_gender("Angela's") == "f" and phrase_gender("the spokesman's") == "m"
