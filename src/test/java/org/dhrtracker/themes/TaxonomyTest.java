package org.dhrtracker.themes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;

import org.dhrtracker.themes.Taxonomy.TaxonomyException;
import org.junit.jupiter.api.Test;

/** The product's taxonomy (seed 004's checklist), the term syntax, and a taxonomy file with errors. */
class TaxonomyTest {

    @Test
    void theProductsTaxonomyIsSeed004sChecklist() throws IOException {
        Taxonomy t = Taxonomy.load(Path.of("target/no-such-home"));
        assertThat(t.byArea().keySet()).containsExactly("Process & Policy", "Tools", "Caring Issues", "Health Issues", "Services",
                "Systemic Issues");
        assertThat(t.byArea().values()).extracting(List::size).containsExactly(7, 2, 3, 3, 3, 3);
        assertThat(t.theme("SY-PARTNERSHIP").orElseThrow().name()).isEqualTo("Problems with partnership working / communication");
    }

    @Test
    void termsMatchWholeWordsWithStarForAnyEnding() {
        assertThat(Taxonomy.pattern("carer*").matcher("support for Carers").find()).isTrue();
        assertThat(Taxonomy.pattern("carer*").matcher("careful").find()).isFalse();
        assertThat(Taxonomy.pattern("GP").matcher("GPs").find()).isFalse();
        assertThat(Taxonomy.pattern("GP").matcher("all GP practices").find()).isTrue();
        assertThat(Taxonomy.pattern("general practice*").matcher("a general\npractice-based programme").find()).isTrue();
        assertThat(Taxonomy.pattern("equality").matcher("health inequalities").find()).isFalse();
        assertThat(Taxonomy.pattern("/\\bpolice\\b(?! bail)/").matcher("breach of police bail").find()).isFalse();
        assertThat(Taxonomy.pattern("/\\bpolice\\b(?! bail)/").matcher("sanctions available to police").find()).isTrue();
    }

    /**
     * Trying a term only where its first word is found must never turn a match away:
     * for every term of the product's taxonomy and texts in other cases, scripts and spacing, the
     * term matches exactly when its expression alone finds a match.
     */
    @Test
    void aTermTriedWhereItsFirstWordIsFoundMatchesAsItsExpression() throws IOException {
        List<String> texts = List.of("All GP PRACTICES to review MIDWIFERY and Carers' needs", "a general\npractice-based programme",
                "İNFORMATION SHARING and ſupervision", "the K\u212Aelvin-sign caseloads", "Non-Compliance with medication",
                "the perpetrator's needs; PERPETRATOR PROGRAMMES; safety\tplans", "ÉQUALITY for older victims", "\uD801\uDC00 GP \uD801\uDC28 CARERS", "",
                "POLICE officers and police bail", "Police bail only", "the policeman; a POLIC", "Polie and the polcie",
                "(police) 3police _police e\u0301police «Carers» carers-support the GP's", "GP,police;carers/midwives");
        Taxonomy taxonomy = Taxonomy.load(Path.of("target/no-such-home"));
        List<Taxonomy.Term> terms = new java.util.ArrayList<>();
        taxonomy.themes().forEach(t -> terms.addAll(t.terms()));
        // and regular expressions that open with letters, or seem to
        for (String regex : List.of("/\\bpolic?e/", "/\\bpolice|GP/", "/\\bpolice\\b(?! bail)/", "/\\bpol{1,2}ice/", "/\\bpoli+/", "/\\bPOLICE\\w*/")) {
            terms.add(Taxonomy.term(regex));
        }
        int matches = 0;
        for (Taxonomy.Term term : terms) {
            // the term's matcher as the coding keeps it, from one text to the next, and a new one for each text
            Taxonomy.Matchers reused = new Taxonomy.Matchers();
            for (String text : texts) {
                boolean alone = term.pattern().matcher(text).find();
                assertThat(term.matches(new Taxonomy.Text(text), reused)).as("%s in %s", term.pattern(), text).isEqualTo(alone);
                assertThat(term.matches(new Taxonomy.Text(text), new Taxonomy.Matchers())).as("%s in %s", term.pattern(), text)
                        .isEqualTo(alone);
                matches += alone ? 1 : 0;
            }
        }
        assertThat(matches).as("the texts match some terms").isGreaterThan(10);
        assertThat(Taxonomy.term("Perpetrator programme*").start()).isEqualTo("perpetrator");
        assertThat(Taxonomy.term("midwi*").start()).isEqualTo("midwi");
        assertThat(Taxonomy.term("/\\bpolice\\b/").start()).isEqualTo("police");
        assertThat(Taxonomy.term("/\\bPolic?e/").start()).isEqualTo("poli");
        assertThat(Taxonomy.term("/\\bpol{1,2}ice/").start()).isNull();
        assertThat(Taxonomy.term("/\\bpolice|GP/").start()).isNull();
        assertThat(Taxonomy.term("/police/").start()).isNull();
        assertThat(Taxonomy.term("/\\bgp\\b/").start()).isNull();
    }

    /** A text's word starts, as the terms are looked up in it: the text's start, or after neither letter nor digit. */
    @Test
    void aTextKnowsTheFirstLettersOfItsWords() {
        Taxonomy.Text text = new Taxonomy.Text("The Policeman (carers) 3rd_floor, Ébène");
        assertThat(List.of("the", "pol", "police", "car", "3rd", "ébè", "fl")).allMatch(text::mayStartWord);
        // inside a word (after a letter, a digit or an accented letter): no word starts so
        assertThat(List.of("oli", "lic", "are", "rd_", "bèn")).noneMatch(text::mayStartWord);
        assertThat(new Taxonomy.Text("").mayStartWord("pol")).isFalse();
        assertThat(text.folded()).isEqualTo(Taxonomy.fold(text.text())).isEqualTo("the policeman (carers) 3rd_floor, ébène");
        // a character outside the BMP: the text folded by code point, and any start taken as possible
        Taxonomy.Text outside = new Taxonomy.Text("\uD801\uDC00 Police");
        assertThat(outside.folded()).isEqualTo("\uD801\uDC28 police");
        assertThat(List.of("pol", "oli", "xyz")).allMatch(outside::mayStartWord);
        // the ASCII short cut answers as Character.isLetterOrDigit does, and so does the rest
        for (char c = 0; c < Character.MAX_VALUE; c++) {
            assertThat(Taxonomy.Text.letterOrDigit(c)).as("U+%04X", (int) c).isEqualTo(Character.isLetterOrDigit(c));
        }
    }

    @Test
    void aTaxonomyWithErrorsIsRejectedNamingRowColumnAndReason() {
        String file = """
                Area,Code,Theme,Terms
                Health,HI-GP,Issues related to GPs,GP
                Health,HI-GP,Again,GPs
                ,bad code,,/[unclosed/
                """;
        assertThatThrownBy(() -> Taxonomy.read(new StringReader(file), "taxonomy.csv"))
                .isInstanceOfSatisfying(TaxonomyException.class, e -> assertThat(e.problems()).extracting(Object::toString)
                        .containsExactly("taxonomy.csv, row 3, column Code: code HI-GP appears twice",
                                "taxonomy.csv, row 4, column Code: a code is capital letters, digits and hyphens",
                                "taxonomy.csv, row 4, column Area: the area is empty",
                                "taxonomy.csv, row 4, column Theme: the theme's name is empty",
                                "taxonomy.csv, row 4, column Terms: term /[unclosed/ is not a valid expression: Unclosed character class"));
        assertThatThrownBy(() -> Taxonomy.read(new StringReader("Area,Code,Name\nA,B,C\n"), "mine.csv"))
                .hasMessage("mine.csv: the header must be Area,Code,Theme,Terms");
    }
}
