"""Officials registry: names normalised, mentions from many articles merged into persons."""

from datetime import date, datetime

from pantau.officials_registry import merge_mentions, normalize_name, official_id, official_key
from pantau.schema import Official


def m(name, role, org, region, article, published):
    return {"name": name, "role": role, "org": org, "region_code": region, "article_id": article,
            "published": published}


def test_normalize_name_strips_degrees_and_folds_spacing():
    assert normalize_name("Dr. H. Rudi W. Hartono, S.H., M.M.") == "rudi w hartono"
    assert normalize_name("  Hj.  Siti   Aminah ,S.Pd ") == "siti aminah"
    assert normalize_name("AKBP Ronald Sihombing") == "ronald sihombing"
    assert normalize_name("Budi Santoso SH MH") == "budi santoso"
    assert normalize_name("Ma'ruf Amin") == normalize_name("Ma’ruf  Amin") == "maruf amin"


def test_official_key_and_id_are_stable():
    a = official_key("Dr. Budi Santoso, M.Si.", "Bawaslu Kabupaten Kendal", "33.24")
    b = official_key("budi  santoso", "Bawaslu  Kabupaten Kendal", "33.24")
    assert a == b == "budi santoso|bawaslu kabupaten kendal|33.24"
    assert official_id("Budi Santoso", "Bawaslu Kabupaten Kendal", "33.24") == \
        official_id("Budi Santoso, S.H.", "bawaslu kabupaten kendal", "33.24")


def test_same_person_across_articles_keeps_roles_over_time():
    mentions = [
        m("Sri Wahyuni", "Kepala Dinas Pendidikan Kabupaten Kendal", "Dinas Pendidikan Kabupaten Kendal",
          "33.24", "a2", "2024-03-01"),
        m("Sri Wahyuni, S.Pd.", "Sekretaris Daerah Kabupaten Kendal", "Pemerintah Kabupaten Kendal",
          "33.24", "a3", date(2024, 9, 10)),
        m("Dra. Sri Wahyuni", "Kepala Dinas Pendidikan Kabupaten Kendal", "Dinas Pendidikan Kabupaten Kendal",
          "33.24", "a1", datetime(2023, 11, 5, 8, 0)),
    ]
    people = merge_mentions(mentions)
    assert len(people) == 1
    person = Official(**people[0])
    assert person.article_ids == ["a1", "a2", "a3"]
    assert [(r["role"], r["first_seen"], r["last_seen"]) for r in person.roles] == [
        ("Kepala Dinas Pendidikan Kabupaten Kendal", "2023-11-05", "2024-03-01"),
        ("Sekretaris Daerah Kabupaten Kendal", "2024-09-10", "2024-09-10"),
    ]


def test_spelling_variant_merges_only_when_org_and_region_agree():
    same = [m("Syamsudin", "Ketua Bawaslu Pemalang", "Bawaslu Kabupaten Pemalang", "33.27", "a1", "2023-11-18"),
            m("Syamsuddin", "Ketua Bawaslu Pemalang", "Bawaslu Kabupaten Pemalang", "33.27", "a2", "2023-12-01")]
    assert len(merge_mentions(same)) == 1
    other = [m("Syamsudin", "Ketua Bawaslu Pemalang", "Bawaslu Kabupaten Pemalang", "33.27", "a1", "2023-11-18"),
             m("Syamsuddin", "Ketua KPU Kendal", "KPU Kabupaten Kendal", "33.24", "a2", "2023-12-01")]
    assert len(merge_mentions(other)) == 2


def test_common_name_in_two_regions_is_two_people():
    mentions = [m("Budi Santoso", "Camat Weleri", "Kecamatan Weleri", "33.24.10", "a1", "2024-01-02"),
                m("Budi Santoso", "Kepala Desa Sukamaju", "Pemerintah Desa Sukamaju", "32.02.01.2001", "a2",
                  "2024-01-03")]
    assert len(merge_mentions(mentions)) == 2


def test_short_name_and_nested_region_merge():
    mentions = [m("Rina Sri Lestari", "Penjabat Bupati Pemalang", "Pemerintah Kabupaten Pemalang", "33.27", "a1",
                  "2023-11-17"),
                m("Rina", "Penjabat Bupati Pemalang", None, "33.27", "a2", "2024-11-18"),
                m("Rina Sri Lestari", "Camat Pemalang", "Kecamatan Pemalang", "33.27.06", "a0", "2020-01-01")]
    people = merge_mentions(mentions)
    assert len(people) == 1
    assert people[0]["name"] == "Rina Sri Lestari"
    assert people[0]["roles"][0]["role"] == "Camat Pemalang"
    assert sorted(people[0]["article_ids"]) == ["a0", "a1", "a2"]


def test_order_of_input_does_not_change_ids():
    mentions = [m("Zainal Arifin", "Ketua Bawaslu Kabupaten Lebak", "Bawaslu Kabupaten Lebak", "36.02", f"a{i}",
                  f"2024-0{i}-01") for i in range(1, 5)]
    a = merge_mentions(mentions)
    b = merge_mentions(list(reversed(mentions)))
    assert a == b and len(a) == 1


def _merge_by_scanning_everyone(mentions):
    """The registry's rule applied the slow way: each mention against every person so far."""
    from pantau import officials_registry as reg

    ordered = sorted(mentions, key=lambda x: (reg._day(x.get("published")) or "9999", str(x.get("article_id"))))
    persons = []
    for x in ordered:
        key = reg.normalize_name(x["name"])
        org, region, article = reg.normalize_org(x.get("org")), x.get("region_code"), x.get("article_id")
        person = next((p for p in persons if reg._same(p, key, org, region, article)), None)
        if person is None:
            person = reg.Person(x["name"], key, first=(x["name"], x.get("org"), region, article))
            persons.append(person)
        elif len(key) > len(person.key):
            person.name, person.key = x["name"], key
        reg._add(person, x, org, region)
    return [reg._record(p) for p in persons]


def test_candidate_lookup_merges_exactly_like_a_scan_of_every_person():
    import random

    rng = random.Random(7)
    names = ["Rina Sri Lestari", "Rina", "Sri Lestari", "Syamsudin", "Syamsuddin", "Muhammad Rizal",
             "Mohammad Rizal", "Rizal", "Agus Salim", "Agus Salim Harahap", "Dewi", "Dewi Anggraini",
             "Dr. H. Budi Santoso, M.Si.", "Budi Santosa", "La Ode Rahman", "Wa Ode Rahmawati"]
    orgs = [None, "Bawaslu Kabupaten Kendal", "Pemkab Kendal", "KPU Kota Kupang", "Bawaslu Kendal"]
    regions = [None, "33.24", "33.24.01", "53.71", "32.01"]
    mentions = [m(rng.choice(names), rng.choice(["Ketua", "Anggota", "Camat"]), rng.choice(orgs),
                  rng.choice(regions), f"a{i:04d}", date(2024, rng.randint(1, 12), rng.randint(1, 28)))
                for i in range(600)]
    assert merge_mentions(mentions) == _merge_by_scanning_everyone(mentions)


def test_bare_mentions_of_one_name_in_two_articles_are_two_people_with_distinct_ids():
    """No organisation and no region: nothing says the two Budis are one person (issue 18)."""
    people = merge_mentions([m("Budi", "Camat", None, None, "a1", "2024-01-01"),
                             m("Budi", "Kepala Desa", None, None, "a2", "2024-01-02")])
    assert len(people) == 2
    assert len({p["id"] for p in people}) == 2
    assert [p["article_ids"] for p in people] == [["a1"], ["a2"]]


def test_bare_mentions_of_one_name_in_one_article_are_one_person():
    people = merge_mentions([m("Budi Santoso", "Camat", None, None, "a1", "2024-01-01"),
                             m("Budi", "camat", "", None, "a1", "2024-01-01")])
    assert len(people) == 1 and people[0]["name"] == "Budi Santoso"


def test_a_bare_person_takes_the_same_articles_full_mention():
    people = merge_mentions([m("Budi", "Camat", None, None, "a1", "2024-01-01"),
                             m("Budi Santoso", "Camat Mranggen", "Kecamatan Mranggen", "33.21.01", "a1",
                               "2024-01-01")])
    assert len(people) == 1


def test_bare_ids_do_not_depend_on_input_order():
    mentions = [m("Budi", "Camat", None, None, f"a{i}", "2024-01-01") for i in range(5)]
    assert merge_mentions(mentions) == merge_mentions(list(reversed(mentions)))
