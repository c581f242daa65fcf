// Entry of the browser-test page: the real App, with the fake backend answering its calls.
// `?state=empty` starts with no profiles; `?state=changed` has the sample people with Waymark's
// folder changed while it was closed; otherwise the invented sample people are there.
import { mount } from 'svelte';
import App from '../App.svelte';
import '../app.css';
import { changedState, emptyState, installFakeBackend, sampleState } from './backend';

const params = new URLSearchParams(location.search);
const state = params.get('state');
installFakeBackend(state === 'empty' ? emptyState() : state === 'changed' ? changedState() : sampleState());
mount(App, { target: document.getElementById('app')! });
