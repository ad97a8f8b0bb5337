import { createApp } from 'vue'
import { createPinia } from 'pinia'
import App from './App.vue'
import { reportUnhandledFailures } from './errors'
import './assets/main.css'

const pinia = createPinia()
const app = createApp(App).use(pinia)
reportUnhandledFailures(app, pinia)
app.mount('#app')
