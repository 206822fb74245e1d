package org.dhrtracker.register.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.dhrtracker.register.plan.ProgressNarrative.Kind;
import org.dhrtracker.register.plan.ProgressNarrative.Reading;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Progress narratives as plans write them (../shared/domain.md, seed 001) and the status read. */
class ProgressNarrativeTest {

    /** The status words of domain.md's "Status as written": kind, completed on, flag. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            COMPLETED                                   | COMPLETED   | -          | -
            ACTIONS COMPLETED                           | COMPLETED   | -          | -
            COMPLETE AS OF APRIL 2014                   | COMPLETED   | 2014-04-30 | -
            Completed /Ongoing                          | COMPLETED   | -          | completed and ongoing
            Completed and on-going                      | COMPLETED   | -          | completed and ongoing
            TBC                                         | NEEDS_CHECK | -          | progress says TBC
            Item remains on MARAC Steering Group Agenda | IN_PROGRESS | -          | -
            No response received                        | NEEDS_CHECK | -          | progress says no response received
            """)
    void statusWords(String narrative, Kind kind, LocalDate completedOn, String flag) {
        assertThat(ProgressNarrative.read(narrative)).isEqualTo(new Reading(kind, completedOn, flag));
    }

    /** Endings of real progress cells in seed 001 (HTML removed, as the caller gives them). */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            Referrals policies ... buildt into MASH Domestic Abuse Operating Procedures.\\nCOMPLETED           | COMPLETED   | -          | -
            COMPLETE AS OF APRIL 2014 ON THE WARWICKSHIRE INTERNET SITE & THE PCC. COMPLETED                 | COMPLETED   | 2014-04-30 | -
            COMPLETED – April 2015                                                                           | COMPLETED   | 2015-04-30 | -
            COMPLETED – will continue to be monitored under monthly contract performance reviews             | COMPLETED   | -          | -
            GEH Domestic Abuse Policy compiled – awaiting final ratification. Policy completed and on Trust Intranet. ACTIONS COMPLETED | COMPLETED | - | -
            Letter sent to CPS No response received to date. Reminders have been sent requesting responses. Letter received from the CPS. Escalated to the County wide DHR theme group. COMPLETED | COMPLETED | - | -
            Email dated 20th January 2016 requested outstanding information by the 11th February 2016. No response received. Follow up email issued 16th February 2016. | NEEDS_CHECK | - | progress says no response received
            Repeats are included for discussion in MARAC Induction meetings. Ongoing through 2015. COMPLETED | COMPLETED   | -          | -
            WMAS Update Jan 2015: 99.97% of front line staff received Domestic Abuse training through the 2014-2015 Mandatory Training Program. COMPLETED | COMPLETED | 2015-01-31 | -
            WMAS Update Jan 2015: This was added to the internal WMAS Safeguarding site on 20.07.2015 COMPLETED | COMPLETED | - | -
            To be discussed at the next Work Force Development Sub Committee on 9 th April 2014.             | IN_PROGRESS | -          | -
            New Service Manager has been identified.                                                         | IN_PROGRESS | -          | -
            Meeting arranged for 27 August 2014\\nCOMPLETED\\nOctober 2016 – Training programmes in all areas have been revised and are being rolled out to social workers | IN_PROGRESS | - | was marked completed earlier
            """)
    void realEndings(String narrative, Kind kind, LocalDate completedOn, String flag) {
        assertThat(ProgressNarrative.read(narrative.replace("\\n", "\n"))).isEqualTo(new Reading(kind, completedOn, flag));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "Training to be completed by March 2015",
        "Audit sent to all GP's to be completed by the end of April 2014",
        "Audit not yet completed",
        "The audit has not been completed",
        "Policy will be circulated once completed",
        "Returns incomplete from two practices",
        "Agencies to complete the audit by May 2014",
        "Training partially completed",
        "Review is being completed"})
    void wordsNearCompletedThatAreNotACompletion(String narrative) {
        assertThat(ProgressNarrative.read(narrative).kind()).isEqualTo(Kind.IN_PROGRESS);
    }

    /** Progress is appended: the latest statement wins. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            Awaiting sign-off. Update March 2014: COMPLETED                                        | COMPLETED   | 2014-03-31 | -
            August 2013. Draft policy written. Update Feb 2014: policy signed off. COMPLETED       | COMPLETED   | 2014-02-28 | -
            August 2013. Draft policy written. Update Feb 2014: signed off 3rd March 2014. COMPLETED | COMPLETED | -          | -
            Completed in 2013. Update 2014: further work required, awaiting report                 | NEEDS_CHECK | -          | progress says awaiting; was marked completed earlier
            COMPLETED. Update June 2015: audit found gaps, further work required                   | IN_PROGRESS | -          | was marked completed earlier
            Letter sent. TBC                                                                        | NEEDS_CHECK | -          | progress says TBC
            TBC. Update May 2015: Completed 31st March 2015                                         | COMPLETED   | 2015-03-31 | -
            Letters sent to the Home Office. Reminders sent.                                        | NEEDS_CHECK | -          | progress says no response received
            Audit not yet completed. Update 2015: audit completed                                   | COMPLETED   | -          | -
            Update Jan 2014: no action taken                                                        | NOT_STARTED | -          | -
            Not yet started                                                                         | NOT_STARTED | -          | -
            Waiting for the new provider to reply                                                   | NEEDS_CHECK | -          | progress says awaiting
            In progress. Update 2015: To be confirmed                                               | NEEDS_CHECK | -          | progress says TBC
            """)
    void appendedUpdates(String narrative, Kind kind, LocalDate completedOn, String flag) {
        assertThat(ProgressNarrative.read(narrative)).isEqualTo(new Reading(kind, completedOn, flag));
    }

    @Test
    void subItemsThatAreNotAllCompletedNeedACheck() {
        String seed = "a) COMPLETED b) MARAC ISP to be included within new County Info Sharing Protocol as per 4 above. "
                + "COMPLETED c) Revised template from January 2013. Only item outstanding: the rationale c) COMPLETED "
                + "d) COMPLETED e) Item remains on MARAC Steering Group Agenda f) COMPLETED "
                + "g) North MARAC to become fortnightly from Feb 2016 COMPLETED h) Steering Group making decision November 2016 COMPLETED";

        assertThat(ProgressNarrative.read(seed)).isEqualTo(
                new Reading(Kind.NEEDS_CHECK, null, "reads completed, but not sub-items e"));
    }

    @Test
    void subItemsAllCompleted() {
        String seed = "a) Training delivered to professionals 2015-16. COMPLETED b) SafeLives Aide Memoir on assessing "
                + "perpetrator risk utilised at MARAC. COMPLETED";

        assertThat(ProgressNarrative.read(seed)).isEqualTo(new Reading(Kind.COMPLETED, null, null));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "  \n "})
    void blankMeansNothingWasReported(String narrative) {
        assertThat(ProgressNarrative.read(narrative)).isEqualTo(new Reading(Kind.NEEDS_CHECK, null, "no progress given"));
    }

    @Test
    void flagsNeverQuoteTheNarrative() {
        String secret = "Awaiting a reply from Mrs Smith's GP about the daughter";

        assertThat(ProgressNarrative.read(secret).flag()).doesNotContain("Smith", "GP", "daughter", "reply");
    }
}
