/**
 * A small canvas line chart for training metrics that stays fast at 100k+ steps.
 *
 * <ul>
 *   <li>{@link kcwb.app.gui.chart.MetricChart}: the control (title, legend, axes, hover); data changes redraw
 *       at most ~10 times a second.</li>
 *   <li>{@link kcwb.app.gui.chart.ChartSeries}: one named series; {@code append(step, value)} on the FX thread.</li>
 *   <li>{@link kcwb.app.gui.chart.SeriesStyle}: line, smoothed line (raw thin + EMA bold) or points.</li>
 *   <li>Pure parts, unit-tested without a stage: {@link kcwb.app.gui.chart.PointSeries} (primitive point store),
 *       {@link kcwb.app.gui.chart.SeriesThinner} (min/max per pixel column),
 *       {@link kcwb.app.gui.chart.EmaSmoother} (TensorBoard's debiased EMA),
 *       {@link kcwb.app.gui.chart.AxisTicks} (1-2-5 tick marks).</li>
 * </ul>
 */
package kcwb.app.gui.chart;
