"""QTI 3.0 package: every item and the manifest valid against 1EdTech's XSD (offline), the
order and match interactions with the set's right answers, and response processing that
gives quizsite's score when a small interpreter of its expressions runs it."""

import io
import zipfile
from itertools import permutations

import pytest
from lxml import etree

from quizzes.engine import grading
from quizzes.exports.qti import ASI, qti_package
from quizzes.exports.questions import questions_for_export

NS = {"q": ASI, "cp": "http://www.imsglobal.org/xsd/qti/qtiv3p0/imscp_v1p1"}


class OfflineResolver(etree.Resolver):
    """Refuses anything not beside the schema: validation never touches the network."""

    def resolve(self, url, pubid, context):
        if url.startswith(("http:", "https:")):
            raise AssertionError(f"the schema tried to fetch {url}")
        return None


def schema(path):
    parser = etree.XMLParser(no_network=True)
    parser.resolvers.add(OfflineResolver())
    return etree.XMLSchema(etree.parse(str(path), parser))


@pytest.fixture(scope="module")
def item_schema(schemas):
    return schema(schemas / "qti3" / "imsqti_asiv3p0p1_v1p0.xsd")


@pytest.fixture(scope="module")
def manifest_schema(schemas):
    return schema(schemas / "qti3" / "imsqtiv3p0_imscpv1p2_v1p0.xsd")


@pytest.fixture
def package(question_set):
    data = qti_package(question_set, questions_for_export(question_set, variants=2))
    return zipfile.ZipFile(io.BytesIO(data))


def test_every_item_and_the_manifest_are_valid_against_the_xsd(
    package, item_schema, manifest_schema
):
    manifest = etree.fromstring(package.read("imsmanifest.xml"))
    manifest_schema.assertValid(manifest)
    hrefs = manifest.xpath("//cp:resource/@href", namespaces=NS)
    assert sorted(hrefs) == sorted(n for n in package.namelist() if n.startswith("items/"))
    kinds = set()
    for href in hrefs:
        item = etree.fromstring(package.read(href))
        item_schema.assertValid(item)
        kinds |= {el.tag.split("}")[1] for el in item.iter() if "interaction" in str(el.tag)}
    assert {
        "qti-order-interaction",
        "qti-match-interaction",
        "qti-choice-interaction",
        "qti-text-entry-interaction",
    } <= kinds


def test_the_reference_examples_validate_with_the_same_schema(schemas, item_schema):
    # The schema and the offline resolver are sound: 1EdTech's own order and match items pass.
    for name in ("QTI3-order.xml", "QTI3-match.xml"):
        item_schema.assertValid(etree.parse(str(schemas / "qti3" / "examples" / name)))


def test_a_broken_item_is_refused_by_the_schema(package, item_schema):
    href = next(n for n in package.namelist() if n.startswith("items/"))
    item = etree.fromstring(package.read(href))
    interaction = item.find(".//q:qti-item-body/*", NS)
    etree.SubElement(interaction, f"{{{ASI}}}qti-bogus-element")
    assert not item_schema.validate(item)


def _items(package, interaction):
    for name in package.namelist():
        if name.startswith("items/"):
            item = etree.fromstring(package.read(name))
            if item.find(f".//q:{interaction}", NS) is not None:
                yield item


def test_the_order_interaction_holds_the_chronology_and_its_right_order(package, question_set):
    exported = {q.identifier: q for q in questions_for_export(question_set, variants=2)}
    item = next(_items(package, "qti-order-interaction"))
    question = exported[item.get("identifier")]
    labels = {c.get("identifier"): c.text for c in item.iterfind(".//q:qti-simple-choice", NS)}
    correct = item.xpath(
        "q:qti-response-declaration/q:qti-correct-response/q:qti-value/text()", namespaces=NS
    )
    by_id = {i["id"]: i["label"] for i in question.data["items"]}
    assert [labels[c] for c in correct] == [by_id[i] for i in question.data["answer"]]
    feedback = etree.tostring(item.find("q:qti-modal-feedback", NS), encoding="unicode")
    for item_data in question.data["items"]:
        assert item_data["quote"] in feedback


# A small interpreter of the expressions our response processing uses, to run the package.
def _evaluate(expression, response, outcomes):
    tag = etree.QName(expression).localname
    children = list(expression)
    if tag == "qti-variable":
        name = expression.get("identifier")
        return response if name == "RESPONSE" else outcomes[name]
    if tag == "qti-base-value":
        return float(expression.text) if expression.get("base-type") == "float" else expression.text
    if tag == "qti-index":
        values = _evaluate(children[0], response, outcomes)
        n = int(expression.get("n"))
        return values[n - 1] if values and n <= len(values) else None
    if tag == "qti-match":
        left, right = (_evaluate(c, response, outcomes) for c in children)
        return left is not None and left == right
    if tag == "qti-and":
        return all(_evaluate(c, response, outcomes) for c in children)
    if tag == "qti-or":
        return any(_evaluate(c, response, outcomes) for c in children)
    if tag == "qti-sum":
        return sum(_evaluate(c, response, outcomes) for c in children)
    raise AssertionError(f"unexpected expression {tag}")


def run_processing(item, response):
    outcomes = {"SCORE": 0.0}
    for node in item.find("q:qti-response-processing", NS):
        if etree.QName(node).localname != "qti-response-condition":
            continue
        branch = node[0]
        condition, setter = branch[0], branch[1]
        if _evaluate(condition, response, outcomes):
            outcomes[setter.get("identifier")] = _evaluate(setter[0], response, outcomes)
    return outcomes["SCORE"]


@pytest.mark.parametrize("method", grading.ORDERING_METHODS)
def test_the_packages_chronology_scoring_is_the_sets_for_every_order(question_set, method):
    question_set.ordering_method = method
    questions = [
        q for q in questions_for_export(question_set, variants=1) if q.kind == "chronology"
    ]
    package = zipfile.ZipFile(io.BytesIO(qti_package(question_set, questions[:1])))
    item = next(_items(package, "qti-order-interaction"))
    correct = item.xpath(
        "q:qti-response-declaration/q:qti-correct-response/q:qti-value/text()", namespaces=NS
    )
    for order in permutations(correct):
        assert run_processing(item, list(order)) == pytest.approx(
            grading.grade_ordering(correct, order, method)
        ), order


def test_the_match_interaction_maps_each_right_pair_and_charges_the_penalty(question_set):
    question_set.matching_penalty = 0.5
    questions = [q for q in questions_for_export(question_set, variants=1) if q.kind == "matching"]
    package = zipfile.ZipFile(io.BytesIO(qti_package(question_set, questions[:1])))
    item = next(_items(package, "qti-match-interaction"))
    mapping = item.find(".//q:qti-mapping", NS)
    n = len(questions[0].data["answer"])
    # 2 pairs: each right pair is worth 1/2, each wrong pair costs 0.5 × 1/2.
    assert float(mapping.get("default-value")) == pytest.approx(-0.5 / n)
    assert (mapping.get("lower-bound"), mapping.get("upper-bound")) == ("0", "1")
    assert [float(e.get("mapped-value")) for e in mapping] == [pytest.approx(1 / n)] * n
    sets = item.findall(".//q:qti-simple-match-set", NS)
    assert [len(s) for s in sets] == [n, len(questions[0].data["answers"])]
