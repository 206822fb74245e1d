package org.dhrtracker.register.plan;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Cell shapes taken from seed 001 (dhr1-action-plan.tsv), plus entities it does not happen to use. */
class HtmlCellTextTest {

    @Test
    void superscriptOrdinalsStayWhereWritten() {
        assertThat(HtmlCellText.toText("31 <sup>st</sup> December 2014")).isEqualTo("31 st December 2014");
        assertThat(HtmlCellText.toText("FINAL DOCUMENT ALL ACTIONS COMPLETE – NABSCOP 24<sup>th</sup> August 2017"))
                .isEqualTo("FINAL DOCUMENT ALL ACTIONS COMPLETE – NABSCOP 24th August 2017");
    }

    @Test
    void groupingRowLosesItsBold() {
        assertThat(HtmlCellText.toText("<b>Safer Warwickshire Partnership Board</b>"))
                .isEqualTo("Safer Warwickshire Partnership Board");
    }

    @Test
    void paragraphsBecomeLinesAndSubItemsKeepTheirLetters() {
        String cell = "<p>1. Safer Warwickshire Partnership Board to develop Domestic Violence and Abuse Procedures that include:</p>"
                + " <p>a. Clear, written policies for all agencies</p> <p>b. A process to ensure that feedback is requested</p>";
        assertThat(HtmlCellText.toText(cell)).isEqualTo("""
                1. Safer Warwickshire Partnership Board to develop Domestic Violence and Abuse Procedures that include:
                a. Clear, written policies for all agencies
                b. A process to ensure that feedback is requested""");
    }

    @Test
    void listItemsWithAttributesBecomeLinesWithoutAddedBullets() {
        String cell = "<p>MARAC directed to take the following actions:</p> <p>a)</p> <ul style=\"list-style-type: none\">"
                + " <li>• Training needs analysis to be undertaken.</li> <li>• Training plan to be developed.</li> </ul>"
                + " <p>b) Research options for risk assessing perpetrators of DA</p>";
        assertThat(HtmlCellText.toText(cell)).isEqualTo("""
                MARAC directed to take the following actions:
                a)
                • Training needs analysis to be undertaken.
                • Training plan to be developed.
                b) Research options for risk assessing perpetrators of DA""");
    }

    @Test
    void nestedOrderedListsGiveOneLinePerItem() {
        String cell = "<ol style=\"list-style-type: none\"> <li>Completes and circulates the revision of the MARAC Operating Protocol</li>"
                + " <li>Improves the MARAC minutes template to ensure that it includes: <ol style=\"list-style-type: none\">"
                + " <li>Whether the victim is aware</li> </ol></li> </ol>";
        assertThat(HtmlCellText.toText(cell)).isEqualTo("""
                Completes and circulates the revision of the MARAC Operating Protocol
                Improves the MARAC minutes template to ensure that it includes:
                Whether the victim is aware""");
    }

    @Test
    void aRuleIsKeptAsALineAlignedParagraphsAndInlineTagsAreDropped() {
        String cell = "<p>Meeting arranged for 27 August 2014</p> <p style=\"text-align: right;\"><b>COMPLETED</b></p> <hr/>"
                + " <p>a) New MOP completed and published on <a href=\"http://www.talk2someone.org.uk\">www.talk2someone.org.uk</a> MARAC</p>"
                + " <p><u>What is professional judgement?</u> You may have <i>serious</i> concerns</p>";
        assertThat(HtmlCellText.toText(cell)).isEqualTo("""
                Meeting arranged for 27 August 2014
                COMPLETED
                ———
                a) New MOP completed and published on www.talk2someone.org.uk MARAC
                What is professional judgement? You may have serious concerns""");
    }

    @Test
    void spaceRunsInsideMarkupCollapse() {
        assertThat(HtmlCellText.toText("<p>Guidance - Review Training Programme.                  Recommend to Care UK</p>"))
                .isEqualTo("Guidance - Review Training Programme. Recommend to Care UK");
    }

    @Test
    void entitiesAreDecoded() {
        assertThat(HtmlCellText.toText("<p>risk assessments &amp; recognising risk indicators</p>"))
                .isEqualTo("risk assessments & recognising risk indicators");
        assertThat(HtmlCellText.toText("victim&#8217;s&nbsp;&nbsp;GP &#x2013; &quot;Ask&quot; &lt;b&gt; &unknown;"))
                .isEqualTo("victim’s GP – \"Ask\" <b> &unknown;");
    }

    @Test
    void breaksAndStrayTagsAndBlankLines() {
        assertThat(HtmlCellText.toText("line one<br>line two<BR/>  <br /> <p></p><span class=\"x\">three</span></div>"))
                .isEqualTo("line one\nline two\nthree");
    }

    @Test
    void cellsWithoutMarkupAreOnlyTrimmed() {
        assertThat(HtmlCellText.toText("  Local ")).isEqualTo("Local");
        assertThat(HtmlCellText.toText("Update Feb 2014:  done\n\nCOMPLETED")).isEqualTo("Update Feb 2014:  done\n\nCOMPLETED");
        assertThat(HtmlCellText.toText("Health & Care, age < 16 and > 5")).isEqualTo("Health & Care, age < 16 and > 5");
        assertThat(HtmlCellText.toText(null)).isEmpty();
    }
}
