// Entry of the browser-test page: the real App, with the fake backend answering its calls.
// `?state=empty` starts with no profiles; otherwise the invented sample people are there.
import { mount } from 'svelte';
import App from '../App.svelte';
import '../app.css';
import { emptyState, installFakeBackend, sampleState } from './backend';

const params = new URLSearchParams(location.search);
installFakeBackend(params.get('state') === 'empty' ? emptyState() : sampleState());
mount(App, { target: document.getElementById('app')! });
