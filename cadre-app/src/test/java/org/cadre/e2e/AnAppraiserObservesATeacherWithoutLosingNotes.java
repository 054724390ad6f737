package org.cadre.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cadre.demo.DemoAccounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * An appraiser conducts a formal observation on a tablet from scheduling to sharing, and the teacher acknowledges
 * it with a written response. The connection drops while the appraiser takes evidence: the notes typed meanwhile,
 * and the note half typed when the tab is reloaded and closed, all reach Cadre once the connection is back, each
 * exactly once, with the time they were taken.
 */
class AnAppraiserObservesATeacherWithoutLosingNotes extends BrowserTest {

    private static final String ON_ARRIVAL = "Students restate the objective in their own words";
    private static final String OFFLINE_FIRST = "Turn-and-talk: every pair discusses the estimate before sharing";
    private static final String OFFLINE_SECOND = "Two students off task at the back table, redirected by proximity";
    private static final String HALF_TYPED = "Exit ticket: 18 of 22 correct";
    private static final String HALF_TYPED_ENDING = " on the first try";

    @AfterEach
    void backOnline() {
        setOffline(false);
    }

    @Test
    void anObservationGoesFromSchedulingToTheTeachersResponseAndADroppedConnectionLosesNoNote() {
        long teacherId = staffIdOf(DemoAccounts.TEACHER);
        signInAs(DemoAccounts.APPRAISER);

        // Schedule a formal observation; the time is filled in with now.
        open("/evaluation/teachers/" + teacherId);
        new Select(browser.findElement(By.id("kind"))).selectByValue("FORMAL");
        var minutes = browser.findElement(By.id("plannedMinutes"));
        minutes.clear();
        minutes.sendKeys("50");
        assertThat(browser.findElement(By.id("scheduledFor")).getDomAttribute("value"))
                .as("the lesson time starts at now")
                .isNotBlank();
        submit("schedule");
        waitUntil(ExpectedConditions.urlMatches("/evaluation/observations/\\d+$"));
        long id = Long.parseLong(currentPath().substring(currentPath().lastIndexOf('/') + 1));
        assertThat(text("status")).isEqualTo("Scheduled");
        assertThat(jdbc.sql("select announced from evaluation.observation where id = ?")
                        .param(id)
                        .query(Boolean.class)
                        .single())
                .as("announced, as the box was left ticked")
                .isTrue();

        // The optional pre-conference.
        browser.findElement(By.id("pre-notes")).sendKeys("Asked for feedback on questioning during the warm-up");
        submit("pre-conference");
        assertThat(savedMessage()).isEqualTo("Pre-conference recorded.");

        // A note whose reply is lost on the way back: it reached Cadre, so when it is sent again it counts once.
        browser.executeScript("""
                const send = window.fetch;
                let lose = true;
                window.fetch = async (...args) => {
                  const response = await send(...args);
                  if (lose && String(args[0]).endsWith("/notes")) {
                    lose = false;
                    throw new TypeError("the connection dropped before the reply arrived");
                  }
                  return response;
                };
                """);
        addNote(ON_ARRIVAL, "2.1");
        waitUntil(page -> shownNotes().size() == 1 && pendingText().isEmpty());
        assertThat(notesAtServer(id)).containsExactly(Map.entry(ON_ARRIVAL, 1));
        assertThat(text("status")).isEqualTo("Scheduled");

        // The connection drops. Two notes are added and a third is half typed.
        setOffline(true);
        waitUntil(page -> browser.executeScript("return navigator.onLine").equals(false));
        addNote(OFFLINE_FIRST, "2.4", "3.2");
        waitUntil(page -> pendingText().startsWith("1 note kept on this device"));
        addNote(OFFLINE_SECOND, "3.2");
        waitUntil(page -> pendingText().startsWith("2 notes kept on this device"));
        assertThat(shownNotes()).as("on the page").hasSize(1);
        browser.findElement(By.id("note-body")).sendKeys(HALF_TYPED);
        waitUntil(page -> text("draft-status").startsWith("Offline"));
        assertThat(notesAtServer(id)).as("nothing arrives while offline").hasSize(1);

        // Still offline, the appraiser closes the tab, opens the observation in a new one (which cannot load), and
        // reloads it once the connection is back. (The tab is closed rather than reloaded: reloading a live page under
        // emulation lets it reach the server for a moment while the emulation moves to the new document.)
        var closing = browser.getWindowHandle();
        browser.switchTo().newWindow(WindowType.TAB);
        var fresh = browser.getWindowHandle();
        browser.switchTo().window(closing).close();
        browser.switchTo().window(fresh);
        setOffline(true);
        try {
            open("/evaluation/observations/" + id);
        } catch (WebDriverException offlinePage) {
            // Chromium may report the failed navigation; the tab shows its offline page either way.
        }
        assertThat(browser.findElements(By.id("note-form")))
                .as("the page cannot load offline")
                .isEmpty();
        assertThat(notesAtServer(id)).as("nothing arrived while offline").hasSize(1);

        // Back online, the appraiser opens the observation again: everything arrives, once, and is shown.
        var reconnected = Instant.now();
        setOffline(false);
        browser.navigate().refresh();
        waitUntil(ExpectedConditions.presenceOfElementLocated(By.id("note-form")));
        waitUntil(page -> shownNotes().size() == 3 && pendingText().isEmpty());
        var noteBody = browser.findElement(By.id("note-body"));
        assertThat(noteBody.getDomProperty("value"))
                .as("the half-typed note is back")
                .isEqualTo(HALF_TYPED);
        waitUntil(page -> HALF_TYPED.equals(draftAtServer(id)));
        noteBody.sendKeys(HALF_TYPED_ENDING);
        browser.findElement(By.id("add-note")).click();
        waitUntil(page -> shownNotes().size() == 4 && pendingText().isEmpty());

        var expected = new LinkedHashMap<String, Integer>();
        expected.put(ON_ARRIVAL, 1);
        expected.put(OFFLINE_FIRST, 1);
        expected.put(OFFLINE_SECOND, 1);
        expected.put(HALF_TYPED + HALF_TYPED_ENDING, 1);
        assertThat(notesAtServer(id)).as("every note, exactly once, in order").containsExactlyEntriesOf(expected);
        var shown = shownNotes();
        var bodies = List.copyOf(expected.keySet());
        for (int i = 0; i < bodies.size(); i++) {
            assertThat(shown.get(i)).as("shown note %d", i + 1).contains(bodies.get(i));
        }
        assertThat(dimensionsAtServer(id, OFFLINE_FIRST)).containsExactlyInAnyOrder("2.4", "3.2");
        assertThat(notedAtServer(id, OFFLINE_FIRST))
                .as("a note taken offline keeps the time it was taken, not the time it arrived")
                .isBefore(reconnected);
        assertThat(notedAtServer(id, OFFLINE_SECOND)).isBefore(reconnected);
        assertThat(text("status")).isEqualTo("In progress");

        // Rate what was seen, hold the post-conference, share.
        rate("2.1", "4");
        rate("2.4", "3");
        rate("3.2", "3");
        browser.findElement(By.id("observedMinutes")).sendKeys("50");
        browser.findElement(By.id("feedback")).sendKeys("Clear objective; plan wait time after questions.");
        submit("ratings");
        assertThat(savedMessage()).isEqualTo("Ratings saved.");
        assertThat(text("status")).isEqualTo("Rated, not yet shared");
        browser.findElement(By.id("post-notes")).sendKeys("Agreed to try think time of five seconds");
        submit("post-conference");
        assertThat(savedMessage()).isEqualTo("Post-conference recorded.");
        submit("share");
        assertThat(savedMessage()).isEqualTo("Shared with the teacher.");
        assertThat(text("status")).isEqualTo("Shared with the teacher");

        // The teacher signs in, reads it without the evidence notes, and acknowledges it with a response.
        browser.manage().deleteAllCookies();
        signInAs(DemoAccounts.TEACHER);
        open("/evaluation");
        browser.findElement(By.cssSelector("#my-observations a[href$='/evaluation/observations/" + id + "']"))
                .click();
        waitUntil(ExpectedConditions.urlMatches("/evaluation/observations/" + id + "$"));
        assertThat(browser.findElements(By.id("notes")))
                .as("evidence notes are the appraiser's")
                .isEmpty();
        assertThat(browser.findElement(By.id("shared-ratings")).getText()).contains("4 Accomplished");
        browser.findElement(By.id("response-text")).sendKeys("I would like to discuss 3.2 at the next check-in.");
        submit("acknowledge");
        assertThat(savedMessage()).isEqualTo("Thank you: your acknowledgement was recorded.");
        assertThat(text("status")).isEqualTo("Acknowledged by the teacher");
        assertThat(text("response")).isEqualTo("I would like to discuss 3.2 at the next check-in.");
        assertThat(browser.findElements(By.id("acknowledge")))
                .as("acknowledged once")
                .isEmpty();
        assertThat(jdbc.sql("select status || ' ' || teacher_response from evaluation.observation where id = ?")
                        .param(id)
                        .query(String.class)
                        .single())
                .isEqualTo("ACKNOWLEDGED I would like to discuss 3.2 at the next check-in.");
    }

    /**
     * Cuts or restores the tab's network through the DevTools protocol. Unlike ChromeDriver's network conditions,
     * the emulation holds across a reload of the tab, so a reload while offline really is offline.
     */
    private void setOffline(boolean offline) {
        browser.executeCdpCommand("Network.enable", Map.of());
        browser.executeCdpCommand(
                "Network.emulateNetworkConditions",
                Map.of("offline", offline, "latency", 0, "downloadThroughput", -1, "uploadThroughput", -1));
    }

    private void addNote(String body, String... dimensions) {
        browser.findElement(By.id("note-body")).sendKeys(body);
        for (var dimension : dimensions) {
            browser.findElement(By.cssSelector("#note-form input[name=dimensions][value='" + dimension + "']"))
                    .click();
        }
        browser.findElement(By.id("add-note")).click();
        waitUntil(page ->
                browser.findElement(By.id("note-body")).getDomProperty("value").isEmpty());
    }

    private void rate(String dimension, String level) {
        new Select(browser.findElement(By.id("rating-" + dimension))).selectByValue(level);
    }

    /** Sends a form by its button and waits for the page that comes back. */
    private void submit(String formId) {
        var button = browser.findElement(By.cssSelector("#" + formId + " button[type=submit]"));
        button.click();
        waitForNewPage(button);
    }

    private String savedMessage() {
        var problems = browser.findElements(By.id("problem"));
        assertThat(problems)
                .as("no problem reported")
                .allSatisfy(p -> assertThat(p.getText()).isEmpty());
        return browser.findElement(By.cssSelector(".alert.ok")).getText();
    }

    private String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    private String pendingText() {
        return text("pending-notes");
    }

    private List<String> shownNotes() {
        return browser.findElements(By.cssSelector("#notes li")).stream()
                .map(WebElement::getText)
                .toList();
    }

    private Map<String, Integer> notesAtServer(long observationId) {
        var notes = new LinkedHashMap<String, Integer>();
        jdbc.sql("select body from evaluation.evidence_note where observation_id = ? order by noted_at, id")
                .param(observationId)
                .query(String.class)
                .list()
                .forEach(body -> notes.merge(body, 1, Integer::sum));
        return notes;
    }

    private List<String> dimensionsAtServer(long observationId, String body) {
        return jdbc.sql(
                        "select unnest(dimension_codes) from evaluation.evidence_note where observation_id = ? and body = ?")
                .params(observationId, body)
                .query(String.class)
                .list();
    }

    private Instant notedAtServer(long observationId, String body) {
        return jdbc.sql("select noted_at from evaluation.evidence_note where observation_id = ? and body = ?")
                .params(observationId, body)
                .query(java.sql.Timestamp.class)
                .single()
                .toInstant();
    }

    private String draftAtServer(long observationId) {
        return jdbc.sql("select body from evaluation.note_draft where observation_id = ?")
                .param(observationId)
                .query(String.class)
                .optional()
                .orElse(null);
    }
}
