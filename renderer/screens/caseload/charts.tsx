/**
 * The two caseload charts (chart.js 4 through react-chartjs-2). Only what they use is registered
 * (bar controller and element, category and linear scales, tooltip, legend), so the chunk stays
 * small; the whole page is lazy-loaded from App.tsx, so the cold start never loads chart.js.
 */
import { BarController, BarElement, CategoryScale, Chart as ChartJS, Legend, LinearScale, Tooltip, type ChartOptions } from 'chart.js';
import { Bar } from 'react-chartjs-2';

ChartJS.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip, Legend);

/** Distinguishable by colour and by order (the legend names every series). */
const PALETTE = ['#1f4fa3', '#b7892c', '#1f6f43', '#9b1c1c', '#6b7488', '#22396a', '#8a5a00', '#4a5468', '#2563eb'];

export interface Series {
  readonly label: string;
  readonly values: readonly number[];
}

function options(stacked: boolean, title: string): ChartOptions<'bar'> {
  return {
    responsive: true,
    maintainAspectRatio: false,
    animation: false,
    plugins: { legend: { display: stacked, position: 'bottom' }, title: { display: false, text: title } },
    scales: { x: { stacked }, y: { stacked, beginAtZero: true, ticks: { precision: 0 } } },
  };
}

export function BarChart({ labels, series, stacked, title, testId }: { readonly labels: readonly string[]; readonly series: readonly Series[]; readonly stacked: boolean; readonly title: string; readonly testId: string }) {
  const data = {
    labels: [...labels],
    datasets: series.map((s, i) => ({ label: s.label, data: [...s.values], backgroundColor: PALETTE[i % PALETTE.length] })),
  };
  return (
    <div className="caseload-chart" data-testid={testId}>
      <Bar data={data} options={options(stacked, title)} aria-label={title} role="img" />
    </div>
  );
}
