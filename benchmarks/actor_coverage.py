"""Actor knowledge coverage: do heads of state and government resolve to their country's government at a date?

The lists below (heads of state/government; G20 foreign and defence ministers) were written for this check (one name per line as news would write it, the date, the expected code).
Each name is looked up twice: bare ("Cyril Ramaphosa") and by surname after the story met it ("Mr Ramaphosa", with
StoryActors memory cleared, i.e. the bare surname against the whole knowledge base). Reports the share right (recall
over the list) and the precision of what was resolved (a wrong code counts against precision; None does not).

    .venv/bin/python benchmarks/actor_coverage.py [--misses]
"""
from __future__ import annotations

import sys
import time

from whodid.actors import ActorKB

CURRENT = "2025-09-27"
PAST = "2016-06-01"

# (name, expected code) for heads of state/government in office on 2025-09-27
HEADS_2025 = """Donald Trump USAGOV|Xi Jinping CHNGOV|Li Qiang CHNGOV|Vladimir Putin RUSGOV|Mikhail Mishustin RUSGOV
Kim Jong Un PRKGOV|Lee Jae-myung KORGOV|Shigeru Ishiba JPNGOV|Narendra Modi INDGOV|Droupadi Murmu INDGOV
Shehbaz Sharif PAKGOV|Asif Ali Zardari PAKGOV|Keir Starmer GBRGOV|Emmanuel Macron FRAGOV|Friedrich Merz DEUGOV
Frank-Walter Steinmeier DEUGOV|Giorgia Meloni ITAGOV|Sergio Mattarella ITAGOV|Pedro Sanchez ESPGOV|Mark Carney CANGOV
Claudia Sheinbaum MEXGOV|Luiz Inacio Lula da Silva BRAGOV|Javier Milei ARGGOV|Gustavo Petro COLGOV|Nicolas Maduro VENGOV
Gabriel Boric CHLGOV|Daniel Noboa ECUGOV|Yamandu Orsi URYGOV|Santiago Pena PRYGOV|Nayib Bukele SLVGOV
Bernardo Arevalo GTMGOV|Xiomara Castro HNDGOV|Daniel Ortega NICGOV|Miguel Diaz-Canel CUBGOV|Luis Abinader DOMGOV
Irfaan Ali GUYGOV|Recep Tayyip Erdogan TURGOV|Benjamin Netanyahu ISRGOV|Isaac Herzog ISRGOV|Masoud Pezeshkian IRNGOV
Ali Khamenei IRNGOV|Mohammed bin Salman SAUGOV|Abdel Fattah el-Sisi EGYGOV|Ahmed al-Sharaa SYRGOV|Joseph Aoun LBNGOV
Nawaf Salam LBNGOV|Mohammed Shia al-Sudani IRQGOV|Abdullah II JORGOV|Tamim bin Hamad Al Thani QATGOV
Mohamed bin Zayed Al Nahyan AREGOV|Mahmoud Abbas PSEGOV|Kais Saied TUNGOV|Abdelmadjid Tebboune DZAGOV
Aziz Akhannouch MARGOV|Volodymyr Zelensky UKRGOV|Yulia Svyrydenko UKRGOV|Alexander Lukashenko BLRGOV|Maia Sandu MDAGOV
Donald Tusk POLGOV|Karol Nawrocki POLGOV|Viktor Orban HUNGOV|Robert Fico SVKGOV|Petr Pavel CZEGOV|Nicusor Dan ROUGOV
Aleksandar Vucic SRBGOV|Edi Rama ALBGOV|Kyriakos Mitsotakis GRCGOV|Alexander Stubb FINGOV|Petteri Orpo FINGOV
Ulf Kristersson SWEGOV|Jonas Gahr Store NORGOV|Mette Frederiksen DNKGOV|Dick Schoof NLDGOV|Bart De Wever BELGOV
Luis Montenegro PRTGOV|Micheal Martin IRLGOV|Christian Stocker AUTGOV|Nikol Pashinyan ARMGOV|Ilham Aliyev AZEGOV
Irakli Kobakhidze GEOGOV|Kassym-Jomart Tokayev KAZGOV|Shavkat Mirziyoyev UZBGOV|Emomali Rahmon TJKGOV
Sadyr Japarov KGZGOV|Hibatullah Akhundzada AFGGOV|Muhammad Yunus BGDGOV|Anura Kumara Dissanayake LKAGOV
Sushila Karki NPLGOV|Mohamed Muizzu MDVGOV|Min Aung Hlaing MMRGOV|Anutin Charnvirakul THAGOV|To Lam VNMGOV
Pham Minh Chinh VNMGOV|Hun Manet KHMGOV|Anwar Ibrahim MYSGOV|Lawrence Wong SGPGOV|Prabowo Subianto IDNGOV
Ferdinand Marcos Jr. PHLGOV|Lai Ching-te TWNGOV|Anthony Albanese AUSGOV|Christopher Luxon NZLGOV|James Marape PNGGOV
Sitiveni Rabuka FJIGOV|Bola Tinubu NGAGOV|John Mahama GHAGOV|Alassane Ouattara CIVGOV|Bassirou Diomaye Faye SENGOV
Assimi Goita MLIGOV|Ibrahim Traore BFAGOV|Abdourahamane Tchiani NERGOV|Mahamat Deby TCDGOV|Abdel Fattah al-Burhan SDNGOV
Salva Kiir SSDGOV|Abiy Ahmed ETHGOV|Isaias Afwerki ERIGOV|Hassan Sheikh Mohamud SOMGOV|William Ruto KENGOV
Yoweri Museveni UGAGOV|Samia Suluhu Hassan TZAGOV|Paul Kagame RWAGOV|Evariste Ndayishimiye BDIGOV|Felix Tshisekedi CODGOV
Denis Sassou Nguesso COGGOV|Faustin-Archange Touadera CAFGOV|Paul Biya CMRGOV|Brice Oligui Nguema GABGOV
Joao Lourenco AGOGOV|Hakainde Hichilema ZMBGOV|Emmerson Mnangagwa ZWEGOV|Daniel Chapo MOZGOV|Cyril Ramaphosa ZAFGOV
Netumbo Nandi-Ndaitwah NAMGOV|Duma Boko BWAGOV|Mswati III SWZGOV|Joseph Boakai LBRGOV|Julius Maada Bio SLEGOV
Mamadi Doumbouya GINGOV|Adama Barrow GMBGOV|Patrice Talon BENGOV|Mohamed Ould Ghazouani MRTGOV"""

# (name, expected code) for heads of state/government in office on 2016-06-01
HEADS_2016 = """Barack Obama USAGOV|Xi Jinping CHNGOV|Li Keqiang CHNGOV|Vladimir Putin RUSGOV|Dmitry Medvedev RUSGOV
Kim Jong Un PRKGOV|Park Geun-hye KORGOV|Shinzo Abe JPNGOV|Narendra Modi INDGOV|Pranab Mukherjee INDGOV
Nawaz Sharif PAKGOV|David Cameron GBRGOV|Francois Hollande FRAGOV|Manuel Valls FRAGOV|Angela Merkel DEUGOV
Joachim Gauck DEUGOV|Matteo Renzi ITAGOV|Sergio Mattarella ITAGOV|Mariano Rajoy ESPGOV|Justin Trudeau CANGOV
Enrique Pena Nieto MEXGOV|Michel Temer BRAGOV|Mauricio Macri ARGGOV|Juan Manuel Santos COLGOV|Nicolas Maduro VENGOV
Michelle Bachelet CHLGOV|Rafael Correa ECUGOV|Tabare Vazquez URYGOV|Horacio Cartes PRYGOV|Evo Morales BOLGOV
Raul Castro CUBGOV|Jimmy Morales GTMGOV|Juan Orlando Hernandez HNDGOV|Danilo Medina DOMGOV|Recep Tayyip Erdogan TURGOV
Binali Yildirim TURGOV|Benjamin Netanyahu ISRGOV|Hassan Rouhani IRNGOV|Ali Khamenei IRNGOV|King Salman SAUGOV
Abdel Fattah el-Sisi EGYGOV|Bashar al-Assad SYRGOV|Haider al-Abadi IRQGOV|Abdullah II JORGOV|Mahmoud Abbas PSEGOV
Beji Caid Essebsi TUNGOV|Abdelaziz Bouteflika DZAGOV|Mohammed VI MARGOV|Petro Poroshenko UKRGOV
Volodymyr Groysman UKRGOV|Alexander Lukashenko BLRGOV|Andrzej Duda POLGOV|Beata Szydlo POLGOV|Viktor Orban HUNGOV
Robert Fico SVKGOV|Bohuslav Sobotka CZEGOV|Klaus Iohannis ROUGOV|Aleksandar Vucic SRBGOV|Alexis Tsipras GRCGOV
Sauli Niinisto FINGOV|Juha Sipila FINGOV|Stefan Lofven SWEGOV|Erna Solberg NORGOV|Lars Lokke Rasmussen DNKGOV
Mark Rutte NLDGOV|Charles Michel BELGOV|Antonio Costa PRTGOV|Enda Kenny IRLGOV|Christian Kern AUTGOV
Serzh Sargsyan ARMGOV|Ilham Aliyev AZEGOV|Nursultan Nazarbayev KAZGOV|Islam Karimov UZBGOV|Ashraf Ghani AFGGOV
Sheikh Hasina BGDGOV|Maithripala Sirisena LKAGOV|Htin Kyaw MMRGOV|Aung San Suu Kyi MMRGOV|Prayut Chan-o-cha THAGOV
Nguyen Xuan Phuc VNMGOV|Hun Sen KHMGOV|Najib Razak MYSGOV|Lee Hsien Loong SGPGOV|Joko Widodo IDNGOV
Benigno Aquino III PHLGOV|Malcolm Turnbull AUSGOV|John Key NZLGOV|Muhammadu Buhari NGAGOV|John Mahama GHAGOV
Alassane Ouattara CIVGOV|Macky Sall SENGOV|Ibrahim Boubacar Keita MLIGOV|Idriss Deby TCDGOV|Omar al-Bashir SDNGOV
Salva Kiir SSDGOV|Hailemariam Desalegn ETHGOV|Hassan Sheikh Mohamud SOMGOV|Uhuru Kenyatta KENGOV|Yoweri Museveni UGAGOV
John Magufuli TZAGOV|Paul Kagame RWAGOV|Pierre Nkurunziza BDIGOV|Joseph Kabila CODGOV|Paul Biya CMRGOV
Jose Eduardo dos Santos AGOGOV|Edgar Lungu ZMBGOV|Robert Mugabe ZWEGOV|Jacob Zuma ZAFGOV|Ellen Johnson Sirleaf LBRGOV
Yahya Jammeh GMBGOV"""

# (name, expected code) for G20 foreign and defence ministers (and the EU's High Representative) on each date
MINISTERS_2025 = """Marco Rubio USAGOV|Pete Hegseth USAMIL|Yvette Cooper GBRGOV|John Healey GBRMIL|Jean-Noel Barrot FRAGOV
Johann Wadephul DEUGOV|Boris Pistorius DEUMIL|Antonio Tajani ITAGOV|Guido Crosetto ITAMIL|Sergei Lavrov RUSGOV
Andrei Belousov RUSMIL|Wang Yi CHNGOV|Dong Jun CHNMIL|Takeshi Iwaya JPNGOV|Gen Nakatani JPNMIL|Cho Hyun KORGOV
Ahn Gyu-back KORMIL|Subrahmanyam Jaishankar INDGOV|Rajnath Singh INDMIL|Sugiono IDNGOV|Sjafrie Sjamsoeddin IDNMIL
Penny Wong AUSGOV|Richard Marles AUSMIL|Anita Anand CANGOV|David McGuinty CANMIL|Juan Ramon de la Fuente MEXGOV
Ricardo Trevilla MEXMIL|Mauro Vieira BRAGOV|Jose Mucio BRAMIL|Gerardo Werthein ARGGOV|Luis Petri ARGMIL
Ronald Lamola ZAFGOV|Angie Motshekga ZAFMIL|Hakan Fidan TURGOV|Yasar Guler TURMIL|Faisal bin Farhan SAUGOV
Khalid bin Salman SAUMIL|Kaja Kallas IGOEU"""

MINISTERS_2016 = """John Kerry USAGOV|Ash Carter USAMIL|Philip Hammond GBRGOV|Michael Fallon GBRMIL|Jean-Marc Ayrault FRAGOV
Jean-Yves Le Drian FRAMIL|Frank-Walter Steinmeier DEUGOV|Ursula von der Leyen DEUMIL|Paolo Gentiloni ITAGOV
Roberta Pinotti ITAMIL|Sergei Lavrov RUSGOV|Sergei Shoigu RUSMIL|Wang Yi CHNGOV|Chang Wanquan CHNMIL
Fumio Kishida JPNGOV|Gen Nakatani JPNMIL|Yun Byung-se KORGOV|Han Min-koo KORMIL|Sushma Swaraj INDGOV
Manohar Parrikar INDMIL|Retno Marsudi IDNGOV|Ryamizard Ryacudu IDNMIL|Julie Bishop AUSGOV|Marise Payne AUSMIL
Stephane Dion CANGOV|Harjit Sajjan CANMIL|Claudia Ruiz Massieu MEXGOV|Salvador Cienfuegos MEXMIL|Jose Serra BRAGOV
Raul Jungmann BRAMIL|Susana Malcorra ARGGOV|Julio Martinez ARGMIL|Maite Nkoana-Mashabane ZAFGOV
Nosiviwe Mapisa-Nqakula ZAFMIL|Mevlut Cavusoglu TURGOV|Fikri Isik TURMIL|Adel al-Jubeir SAUGOV
Mohammed bin Salman SAUMIL|Federica Mogherini IGOEU"""


def _cases(block: str) -> list[tuple[str, str]]:
    out = []
    for item in block.replace("\n", "|").split("|"):
        name, code = item.strip().rsplit(" ", 1)
        out.append((name, code))
    return out


def score(kb: ActorKB, cases: list[tuple[str, str]], date: str, misses: list[str]) -> dict[str, float]:
    """Recall (right / all) and precision (right / resolved) for full names and for "Mr <surname>"."""
    result: dict[str, float] = {"n": len(cases)}
    for form in ("full", "surname"):
        right = resolved = 0
        for name, code in cases:
            if form == "full":
                phrase = name
            else:  # people the knowledge gives no surname (regnal names, "Hun Sen") are counted as misses
                person = next((p for p in kb.people.values() if p.name == name or name in p.aliases), None)
                phrase = "Mr " + (person.surnames[0] if person is not None and person.surnames else name.split()[-1])
            actor = kb.lookup(phrase, date)
            if actor is not None:
                resolved += 1
                if actor.code == code:
                    right += 1
                    continue
            misses.append(f"{date} {form:7} {phrase!r}: expected {code}, got {actor.code if actor else None}")
        result[f"{form}_recall"] = right / len(cases)
        result[f"{form}_precision"] = right / resolved if resolved else 0.0
    return result


def main(argv: list[str]) -> int:
    start = time.perf_counter()
    kb = ActorKB.load()
    load_s = time.perf_counter() - start
    misses: list[str] = []
    print(f"knowledge: {len(kb.people)} people, {len(kb.countries)} countries, {len(kb.igos)} organisations; "
          f"loaded in {load_s:.2f} s")
    print(f"{'date':12} {'n':>4} {'full R':>7} {'full P':>7} {'surname R':>10} {'surname P':>10}")
    for label, date, block in (("heads", CURRENT, HEADS_2025), ("heads", PAST, HEADS_2016),
                               ("G20 ministers", CURRENT, MINISTERS_2025), ("G20 ministers", PAST, MINISTERS_2016)):
        r = score(kb, _cases(block), date, misses)
        print(f"{date:12} {int(r['n']):4} {r['full_recall']:7.3f} {r['full_precision']:7.3f} "
              f"{r['surname_recall']:10.3f} {r['surname_precision']:10.3f}  {label}")
    if "--misses" in argv:
        print("\n".join(misses))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
