package org.cadre.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.cadre.demo.DemoAccounts;
import org.cadre.growth.DemoScores;
import org.cadre.growth.GrowthFixture;
import org.cadre.growth.GrowthRuns;
import org.cadre.organization.SchoolYears;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A teacher opens a student's growth page and ECharts really draws both charts from the growth API: the scores by
 * year (the same as the page's table) with the predicted percentile bands, and the percentile curves with the
 * student's own point.
 */
class AStudentsGrowthChartIsDrawn extends BrowserTest {

    @Autowired
    DemoScores scores;

    @Autowired
    GrowthRuns runs;

    @Autowired
    SchoolYears schoolYears;

    @Test
    void aTeacherSeesTheirStudentsScoresAndPercentileCurvesDrawn() {
        var run = GrowthFixture.currentRun(scores, runs, schoolYears);
        long student = jdbc.sql("select min(student_id) from growth.teacher_student where run_id = ? and staff_id = ?")
                .params(run.id(), staffIdOf(DemoAccounts.TEACHER))
                .query(Long.class)
                .single();
        signInAs(DemoAccounts.TEACHER);

        open("/growth/students/" + student);

        var section = browser.findElement(By.cssSelector("section.growth-subject"));
        var charts = section.findElements(By.cssSelector("[data-growth-chart]"));
        assertThat(charts).hasSize(2);
        waitUntil(page -> charts.stream().allMatch(this::drawn));

        var trajectory = series(charts.get(0));
        var tableScores = section.findElements(By.cssSelector("tbody tr td:nth-child(3)")).stream()
                .map(WebElement::getText)
                .map(Long::parseLong)
                .toList();
        assertThat(tableScores).hasSizeGreaterThanOrEqualTo(2);
        assertThat(trajectory.get(0)).containsEntry("name", "Scale score").containsEntry("type", "line");
        assertThat(values(trajectory.get(0)).stream().map(Math::round).toList())
                .as("the plotted scores are the table's")
                .isEqualTo(tableScores);
        assertThat(trajectory.subList(1, trajectory.size()))
                .as("the predicted percentile bands of this year")
                .isNotEmpty()
                .allSatisfy(band -> assertThat((String) band.get("name")).endsWith("th percentile"));

        var curves = series(charts.get(1));
        var sgp = section.findElement(By.tagName("h2")).getText().replaceAll(".*SGP ", "");
        assertThat(curves.get(curves.size() - 1))
                .as("the student's own point")
                .containsEntry("name", "This student (SGP " + sgp + ")")
                .containsEntry("type", "scatter");
        var percentileCurves = curves.subList(0, curves.size() - 1);
        assertThat(percentileCurves).hasSize(trajectory.size() - 1).allSatisfy(curve -> {
            assertThat(curve).containsEntry("type", "line");
            assertThat((List<?>) curve.get("data"))
                    .as("points along the prior score")
                    .hasSizeGreaterThan(2);
        });
    }

    /** ECharts has an instance on the element and has painted it on a canvas of some size. */
    private boolean drawn(WebElement chart) {
        return Boolean.TRUE.equals(browser.executeScript("""
                const chart = typeof echarts === 'undefined' ? null : echarts.getInstanceByDom(arguments[0]);
                const canvas = arguments[0].querySelector('canvas');
                return chart != null && chart.getOption().series.length > 0
                    && canvas != null && canvas.width > 0 && canvas.height > 0;
                """, chart));
    }

    /** The series ECharts holds for a chart: name, type and data of each. */
    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> series(WebElement chart) {
        return (List<Map<String, Object>>) browser.executeScript("""
                return echarts.getInstanceByDom(arguments[0]).getOption().series
                    .map(s => ({ name: s.name, type: s.type, data: s.data }));
                """, chart);
    }

    /** The y values of a line series whose data are plain numbers. */
    private static List<Double> values(Map<String, Object> series) {
        return ((List<?>) series.get("data"))
                .stream().map(value -> ((Number) value).doubleValue()).toList();
    }
}
