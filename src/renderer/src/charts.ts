/**
 * Chart.js with only the parts the app draws registered (keeps the bundle small).
 */
import { CategoryScale, Chart, Filler, Legend, LinearScale, LineElement, PointElement, Tooltip, BarElement } from 'chart.js'

Chart.register(CategoryScale, LinearScale, LineElement, PointElement, BarElement, Tooltip, Legend, Filler)

export { Chart }
